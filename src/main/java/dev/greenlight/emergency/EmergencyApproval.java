package dev.greenlight.emergency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One engineering leader's approval of an emergency, with the bypasses they chose. */
@Entity
@Table(name = "emergency_approval")
class EmergencyApproval extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "emergency_id", nullable = false)
    public long emergencyId;

    @Column(nullable = false)
    public String approver;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Bypass> bypasses = new ArrayList<>();

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    /** The release's content version the leader approved; it counts only while the release still holds that. */
    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    /** A requirement ("gate:coverage", "slot:security") to bypass, and why. */
    public record Bypass(String requirement, String reason) {
    }

    /** The approvals given for the release's content version {@code contentVersion}. */
    static List<EmergencyApproval> current(long emergencyId, int contentVersion) {
        return list("emergencyId = ?1 and contentVersion = ?2 order by id", emergencyId, contentVersion);
    }

    static List<EmergencyApproval> of(Collection<Long> emergencyIds) {
        return list("emergencyId in ?1 order by id", emergencyIds);
    }
}
