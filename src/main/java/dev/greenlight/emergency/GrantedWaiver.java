package dev.greenlight.emergency;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A requirement waived for a release by an approved emergency or override; the database refuses changes. */
@Entity
@Table(name = "requirement_waiver")
class GrantedWaiver extends PanacheEntityBase {
    enum Source {
        EMERGENCY,
        OVERRIDE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "source_id", nullable = false)
    public long sourceId;

    @Column(nullable = false)
    public String requirement;

    @Column(nullable = false)
    public String reason;

    @Column(name = "waived_by", nullable = false)
    public String waivedBy;

    @Column(name = "waived_at", nullable = false)
    public Instant waivedAt;

    /** The release's content version it was granted for; stale once the release's changesets change. */
    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    static List<GrantedWaiver> forRelease(long releaseId) {
        return list("releaseId = ?1 order by id", releaseId);
    }
}
