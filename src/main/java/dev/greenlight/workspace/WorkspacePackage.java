package dev.greenlight.workspace;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A package of the workspace with the manifest fields that release planning reads. */
@Entity
@Table(name = "workspace_package")
public class WorkspacePackage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> dependencies = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dev_dependencies", nullable = false)
    public Map<String, String> devDependencies = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "peer_dependencies", nullable = false)
    public Map<String, String> peerDependencies = new LinkedHashMap<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    static Optional<WorkspacePackage> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    static List<WorkspacePackage> listByName() {
        return list("order by name");
    }

    PackageManifest toManifest() {
        return new PackageManifest(name, version, dependencies, devDependencies, peerDependencies);
    }
}
