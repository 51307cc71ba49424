package dev.greenlight.changeset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A changeset as Greenlight stores it: pending until a release takes it. */
@Entity
@Table(name = "changeset")
class ChangesetRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String summary;

    public String source;

    /** The person who wrote it: the segregation-of-duties rules apply to them. */
    @Column(nullable = false)
    public String author;

    /** Who sent it: the author, or the CI client that submitted it on the author's behalf. */
    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The release that holds it now; null while pending. */
    @Column(name = "release_id")
    public Long releaseId;

    @ElementCollection
    @CollectionTable(name = "changeset_bump", joinColumns = @JoinColumn(name = "changeset_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Bump> bumps = new ArrayList<>();

    @Embeddable
    public record Bump(@Column(name = "package_name") String packageName, @Column(name = "bump") String bump) {
    }

    static List<ChangesetRecord> pending() {
        return list("releaseId is null order by createdAt, id");
    }

    static List<ChangesetRecord> pendingForUpdate(Collection<String> slugs) {
        return find("releaseId is null and slug in ?1 order by createdAt, id", slugs)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    static List<ChangesetRecord> allPendingForUpdate() {
        return find("releaseId is null order by createdAt, id").withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    static List<ChangesetRecord> ofRelease(long releaseId) {
        return getEntityManager()
                .createQuery("select c from ChangesetRecord c left join fetch c.bumps where c.id in "
                        + "(select rc.changesetId from ReleaseChangeset rc where rc.releaseId = :release) "
                        + "order by c.createdAt, c.id", ChangesetRecord.class)
                .setParameter("release", releaseId)
                .getResultList();
    }

    Changeset toChangeset() {
        Map<String, BumpType> releases = new LinkedHashMap<>();
        bumps.forEach(b -> releases.put(b.packageName(), BumpType.parse(b.bump())));
        return new Changeset(slug, summary, releases);
    }
}
