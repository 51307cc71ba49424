package dev.greenlight.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.greenlight.localdb.LocalDatabase;
import dev.greenlight.testsupport.FakeSlack;

/**
 * The production-like stack the end-to-end tests share: one Keycloak with Greenlight's realm, one PostgreSQL schema,
 * and two Greenlight instances (A and B) of the packaged application behind no load balancer, with the same
 * configuration and session encryption secret. Started once for the whole run, stopped when it ends.
 * <p>
 * Instance B writes JSON logs ({@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true}); A the default console format.
 */
public final class E2eStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(E2eStack.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(E2eStack.class);

    /** The realm file's confidential clients (dev secrets, see deploy/keycloak/greenlight-realm.json). */
    public static final String CLIENT_ID = "greenlight";
    public static final String CLIENT_SECRET = "greenlight-secret";
    public static final String CI_CLIENT_ID = "greenlight-ci";
    public static final String CI_CLIENT_SECRET = "greenlight-ci-secret";

    private static volatile E2eStack running;

    private KeycloakServer keycloak;
    private FakeSlack slack;
    private Database database;
    private Path appJar;
    private Path logDir;
    private Map<String, String> environment;
    private GreenlightProcess a;
    private GreenlightProcess b;
    private final List<GreenlightProcess> extra = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(E2eStack.class, key -> start(),
                        E2eStack.class);
    }

    public static KeycloakServer keycloak() {
        return current().keycloak;
    }

    public static GreenlightProcess instanceA() {
        return current().a;
    }

    public static GreenlightProcess instanceB() {
        return current().b;
    }

    /** The fake Slack every instance posts to. */
    public static FakeSlack slack() {
        return current().slack;
    }

    /** A connection to the instances' schema, for checks the API does not offer. */
    public static Connection connect() throws SQLException {
        Database database = current().database;
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    /** One more instance with A's configuration; stopped with the stack unless the test stops it first. */
    public static GreenlightProcess startInstance(String name) {
        E2eStack stack = current();
        GreenlightProcess process = GreenlightProcess.start(name, stack.appJar, stack.logDir, stack.environment)
                .awaitReady();
        stack.extra.add(process);
        return process;
    }

    private static E2eStack current() {
        if (running == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(E2eStack.class)");
        }
        return running;
    }

    private static E2eStack start() {
        Path keycloakHome = Path.of(required("greenlight.keycloak.home"));
        E2eStack stack = new E2eStack();
        stack.appJar = Path.of(required("greenlight.app.jar"));
        stack.logDir = Path.of(required("greenlight.build.dir"), "e2e");
        Path logDir = stack.logDir;
        Database database = Database.fromSystemProperties();
        stack.database = database;
        try {
            Instant begin = Instant.now();
            CompletableFuture<Void> schema = CompletableFuture.runAsync(database::recreate);
            stack.keycloak = KeycloakServer.start(keycloakHome, logDir);
            schema.join();
            Instant keycloakReady = Instant.now();

            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.url());
            env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            if (!database.password().isEmpty()) {
                env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            }
            env.put("QUARKUS_FLYWAY_SCHEMAS", database.schema());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", stack.keycloak.realmUrl());
            env.put("QUARKUS_OIDC_CLIENT_ID", CLIENT_ID);
            env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", CLIENT_SECRET);
            env.put("QUARKUS_OIDC_API_AUTH_SERVER_URL", stack.keycloak.realmUrl());
            env.put("QUARKUS_OIDC_API_CLIENT_ID", CLIENT_ID);
            // The one setting that makes a session portable between instances
            env.put("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "e2e-" + UUID.randomUUID());
            // ...and the one that makes a form rendered by one instance post to another
            env.put("GREENLIGHT_CSRF_SIGNING_KEY", "e2e-" + UUID.randomUUID());
            env.put("GREENLIGHT_OIDC_ORIGIN", stack.keycloak.origin());
            // Slack is a fake on a real socket; the relay runs on every instance, with short leases so that a
            // killed instance's messages are taken over within the test
            stack.slack = FakeSlack.start();
            env.put("GREENLIGHT_SLACK_BOT_TOKEN", FakeSlack.TOKEN);
            env.put("GREENLIGHT_SLACK_METHODS_ENDPOINT_URL_PREFIX", stack.slack.url());
            env.put("GREENLIGHT_SLACK_RELAY_INTERVAL", "1s");
            env.put("GREENLIGHT_SLACK_RELAY_PACE", "PT0.02S");
            env.put("GREENLIGHT_SLACK_RELAY_HTTP_TIMEOUT", "PT2S");
            env.put("GREENLIGHT_SLACK_RELAY_LEASE", "PT6S");
            // Post-mortems of incidents fall due within seconds, so that reminders and an escalation happen in a test
            env.put("GREENLIGHT_POLICY_POST_MORTEM_JOB_INTERVAL", "1s");
            env.put("GREENLIGHT_POLICY_POST_MORTEM_DUE", "PT4S");
            env.put("GREENLIGHT_POLICY_POST_MORTEM_REMINDER_BEFORE", "PT1H");
            env.put("GREENLIGHT_POLICY_POST_MORTEM_ESCALATION_INTERVAL", "PT1H");
            stack.environment = Map.copyOf(env);

            Map<String, String> jsonLogs = new HashMap<>(env);
            jsonLogs.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
            stack.a = GreenlightProcess.start("a", stack.appJar, logDir, env);
            stack.b = GreenlightProcess.start("b", stack.appJar, logDir, jsonLogs);
            // Both migrate the same empty schema at once: Flyway's lock must make that safe
            stack.a.awaitReady();
            stack.b.awaitReady();
            LOG.infof("End-to-end stack ready in %d s (Keycloak %d s, Greenlight A and B %d s), schema %s",
                    Duration.between(begin, Instant.now()).toSeconds(),
                    Duration.between(begin, keycloakReady).toSeconds(),
                    Duration.between(keycloakReady, Instant.now()).toSeconds(), database.schema());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    @Override
    public void close() {
        extra.forEach(GreenlightProcess::close);
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (slack != null) {
            FakeSlack.shutdown();
        }
        running = null;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run through ./mvnw verify");
        }
        return value;
    }

    /**
     * The end-to-end schema: the test schema's name plus {@code _e2e}, on the same server as the other tests (so
     * {@code -Dquarkus.datasource.jdbc.url=...?currentSchema=x -Dquarkus.flyway.schemas=x} moves it to {@code x_e2e}).
     */
    record Database(String server, String schema, String username, String password) {
        static Database fromSystemProperties() {
            String url = System.getProperty("quarkus.datasource.jdbc.url");
            if (url == null) {
                url = "jdbc:postgresql://" + LocalDatabase.address(LocalDatabase.DEFAULT_ADDRESS) + "/postgres";
            }
            String schema = System.getProperty("quarkus.flyway.schemas", "greenlight_test").split(",")[0].strip();
            int query = url.indexOf('?');
            return new Database(query < 0 ? url : url.substring(0, query), schema + "_e2e",
                    System.getProperty("quarkus.datasource.username", "postgres"),
                    System.getProperty("quarkus.datasource.password", ""));
        }

        String url() {
            return server + "?currentSchema=" + schema;
        }

        /** An empty schema, so that every run starts from nothing and both instances migrate it together. */
        void recreate() {
            if (!schema.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Unexpected schema name " + schema);
            }
            try (Connection connection = DriverManager.getConnection(server, username, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
                statement.execute("create schema " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare schema " + schema + " on " + server, e);
            }
        }
    }
}
