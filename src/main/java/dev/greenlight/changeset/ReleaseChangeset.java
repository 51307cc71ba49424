package dev.greenlight.changeset;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Which changesets a release was built from, kept even after the release is cancelled. */
@Entity
@Table(name = "release_changeset")
@IdClass(ReleaseChangeset.Key.class)
class ReleaseChangeset extends PanacheEntityBase {
    @Id
    @Column(name = "release_id")
    public Long releaseId;

    @Id
    @Column(name = "changeset_id")
    public Long changesetId;

    public record Key(Long releaseId, Long changesetId) implements Serializable {
    }
}
