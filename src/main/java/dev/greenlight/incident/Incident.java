package dev.greenlight.incident;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

/** Something that went wrong in production: how bad, since when, what it touched, and the incident report. */
@Entity
@Table(name = "incident")
class Incident extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    public String impact;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(nullable = false)
    public boolean security;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "affected_services", nullable = false, columnDefinition = "text[]")
    public String[] affectedServices;

    /** What happened, its impact and the fix (Markdown). */
    public String report;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Who filed it and whether it is a security incident. */
    record Facts(String createdBy, boolean security) {
    }

    /** Its facts, without loading the incident (so that a later lock reads it fresh). */
    static Optional<Facts> factsOf(long id) {
        return getEntityManager()
                .createQuery("select i.createdBy, i.security from Incident i where i.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> new Facts((String) row[0], (Boolean) row[1]));
    }

    static Optional<Incident> findForUpdate(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Newest first, filtered in SQL; null filters match everything. A non-null {@code viewer} keeps only the incidents
     * they see ({@link IncidentVisibility}).
     */
    static List<Incident> search(IncidentStatus status, Severity severity, Boolean security, String viewer,
            Page page) {
        Filter filter = Filter.of(status, severity, security, viewer);
        return find(filter.query + " order by startedAt desc, id desc", filter.parameters).page(page).list();
    }

    static long countMatching(IncidentStatus status, Severity severity, Boolean security, String viewer) {
        Filter filter = Filter.of(status, severity, security, viewer);
        return count(filter.query, filter.parameters);
    }

    private record Filter(String query, Parameters parameters) {
        static Filter of(IncidentStatus status, Severity severity, Boolean security, String viewer) {
            Parameters parameters = new Parameters();
            StringBuilder query = new StringBuilder("1 = 1");
            if (viewer != null) {
                query.append(" and id in (select i.id from Incident i where ")
                        .append(IncidentVisibility.condition("i"))
                        .append(")");
                parameters.and("viewer", viewer);
            }
            if (status != null) {
                query.append(" and status = :status");
                parameters.and("status", status);
            }
            if (severity != null) {
                query.append(" and severity = :severity");
                parameters.and("severity", severity);
            }
            if (security != null) {
                query.append(" and security = :security");
                parameters.and("security", security);
            }
            return new Filter(query.toString(), parameters);
        }
    }
}
