package dev.greenlight.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone the identity provider vouched for with a verified token, as that token described them. */
@Entity
@Table(name = "person")
class Person extends PanacheEntityBase {
    @Id
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    /** Greenlight role claims of the token, comma-separated (empty for none). */
    @Column(nullable = false)
    public String roles;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;
}
