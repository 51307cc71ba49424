package dev.greenlight.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;

@Entity
@Table(name = "emergency_request")
class EmergencyRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(name = "incident_id", nullable = false)
    public long incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Criterion criterion;

    @Column(nullable = false)
    public String justification;

    @Column(name = "affected_services", nullable = false)
    public String affectedServices;

    @Column(nullable = false)
    public String risk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmergencyState state;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "assessed_by")
    public String assessedBy;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Column(name = "assessment_reason")
    public String assessmentReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Its release's id, without loading (and so without reading before a lock) the request itself. */
    static Optional<Long> releaseOf(long id) {
        return getEntityManager()
                .createQuery("select e.releaseId from EmergencyRequest e where e.id = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    static Optional<EmergencyRequest> findForUpdate(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The release's emergency that is still on its way or shipped (not declined, not denied). */
    static Optional<EmergencyRequest> liveForRelease(long releaseId) {
        // two scalar parameters, not a list: Hibernate keeps the translated SQL of a query without list parameters
        return find("releaseId = ?1 and state <> ?2 and state <> ?3", releaseId, EmergencyState.DECLINED,
                EmergencyState.DENIED).firstResultOptional();
    }

    static List<EmergencyRequest> inStates(List<EmergencyState> states, Page page) {
        return find("state in ?1 order by requestedAt, id", states).page(page).list();
    }

    static List<EmergencyRequest> newestFirst(Page page) {
        return find("order by id desc").page(page).list();
    }
}
