package dev.greenlight.adr;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A link from a release to an architecture decision record. Never changed; the database refuses it. */
@Entity
@Immutable
@Table(name = "release_adr")
class ReleaseAdr extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String url;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    static List<ReleaseAdr> ofRelease(long releaseId) {
        return list("releaseId = ?1 order by id", releaseId);
    }
}
