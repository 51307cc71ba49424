package dev.greenlight.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.greenlight.workspace.PackageManifest;

@Entity
@Table(name = "release")
class Release extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseState state;

    @Column(name = "pre_release")
    public String preRelease;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PackageManifest> manifests = new ArrayList<>();

    /** Why it last changed state, when someone gave a reason. */
    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Bumped whenever changesets are added or removed; older approvals and gate results are stale. */
    @Column(name = "content_version", nullable = false)
    public int contentVersion = 1;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** Version tags the publish created, "@neuronx/core@1.5.0". */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags;

    /** When the release's code merged to main, as CI reports it. */
    @Column(name = "merged_at")
    public Instant mergedAt;

    /** When it reached production, as CI reports it. */
    @Column(name = "deployed_at")
    public Instant deployedAt;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "release_package", joinColumns = @JoinColumn(name = "release_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<PlannedPackage> packages = new ArrayList<>();

    /** One package's bump in this release, with its changelog entry. */
    @Embeddable
    public record PlannedPackage(@Column(name = "package_name") String name,
            @Column(name = "old_version") String oldVersion, @Column(name = "new_version") String newVersion,
            @Column(name = "bump") String bump, @Column(name = "changelog") String changelog) {
    }

    /** The release with its packages in one query: its page shows both. */
    static Optional<Release> findWithPackages(long id) {
        return find("from Release r left join fetch r.packages where r.id = ?1", id).singleResultOptional();
    }

    static Optional<Release> findForUpdate(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The version of the package shipped by the latest release published before the given one, rolled back ones aside. */
    static Optional<String> previousVersion(String packageName, Instant publishedAt, long releaseId) {
        return getEntityManager()
                .createQuery("select p.newVersion from Release r join r.packages p where p.name = :name"
                        + " and r.state in :states and r.publishedAt is not null"
                        + " and (r.publishedAt < :at or (r.publishedAt = :at and r.id < :id))"
                        + " order by r.publishedAt desc, r.id desc", String.class)
                .setParameter("name", packageName)
                .setParameter("states", List.of(ReleaseState.PUBLISHED, ReleaseState.VALIDATED))
                .setParameter("at", publishedAt)
                .setParameter("id", releaseId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Releases newest first, optionally only those in a state or bumping a package: {@code limit} of them below the id
     * {@code before} (keyset, as fast deep in the history as on top) or, without it, after skipping {@code offset}.
     */
    static List<Release> search(ReleaseState state, String packageName, Long before, int offset, int limit) {
        Map<String, Object> parameters = searchParameters(state, packageName);
        String query = searchQuery(state, packageName);
        if (before != null) {
            query += " and r.id < :before";
            parameters.put("before", before);
        }
        return find(query + " order by r.id desc", parameters).range(offset, offset + limit - 1).list();
    }

    private static String searchQuery(ReleaseState state, String packageName) {
        StringBuilder query = new StringBuilder("from Release r where 1 = 1");
        if (state != null) {
            query.append(" and r.state = :state");
        }
        if (packageName != null) {
            query.append(" and exists (select 1 from Release r2 join r2.packages p where r2 = r and p.name = :pkg)");
        }
        return query.toString();
    }

    private static Map<String, Object> searchParameters(ReleaseState state, String packageName) {
        Map<String, Object> parameters = new HashMap<>();
        if (state != null) {
            parameters.put("state", state);
        }
        if (packageName != null) {
            parameters.put("pkg", packageName);
        }
        return parameters;
    }
}
