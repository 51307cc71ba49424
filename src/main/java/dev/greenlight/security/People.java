package dev.greenlight.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

/**
 * Who Greenlight knows to exist: every person (or client) the identity provider vouched for with a verified token,
 * recorded with the roles that token carried when it was last seen ({@link PeopleRecorder}). Requests without a token
 * (Slack's) take a person's roles from here, never from anything an admin typed.
 */
@ApplicationScoped
public class People {

    /** A person as their latest verified token described them. */
    public record Entry(String username, String displayName, String email, Set<Role> roles, Instant verifiedAt) {
        public Entry {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
        }

        public Actor actor() {
            return new Actor(username, displayName, email, roles);
        }

        public String roleLabels() {
            return roles.isEmpty()
                    ? "none"
                    : roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    People(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records what a verified token says about its bearer, replacing what an older token said. One statement on its
     * own connection: bookkeeping of the authentication, not part of the request's work.
     */
    void record(Actor actor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into person (username, display_name,"
                        + " email, roles, verified_at) values (?, ?, ?, ?, ?) on conflict (username) do update set"
                        + " display_name = excluded.display_name, email = excluded.email, roles = excluded.roles,"
                        + " verified_at = excluded.verified_at")) {
            upsert.setString(1, actor.username());
            upsert.setString(2, actor.displayName());
            upsert.setString(3, actor.email());
            upsert.setString(4, actor.roles().stream().map(Role::claim).sorted().collect(Collectors.joining(",")));
            upsert.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + actor.username() + ": " + e.getMessage(), e);
        }
    }

    @Transactional
    public Optional<Entry> find(String username) {
        return username == null
                ? Optional.empty()
                : Person.<Person>findByIdOptional(username).map(People::entry);
    }

    /** The people of these usernames that Greenlight knows, by username, in one query. */
    @Transactional
    public Map<String, Entry> find(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        List<Person> found = Person.list("username in ?1", Set.copyOf(usernames));
        return found.stream().map(People::entry).collect(Collectors.toMap(Entry::username, Function.identity()));
    }

    private static Entry entry(Person p) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(p.roles.split(",")).map(String::strip).forEach(c -> Role.fromClaim(c).ifPresent(roles::add));
        return new Entry(p.username, p.displayName, p.email, roles, p.verifiedAt);
    }
}
