package dev.greenlight.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A real Keycloak from Maven Central's {@code keycloak-quarkus-dist} (unpacked into target/ by the build), with the
 * realm file that docker-compose.yml imports. Dev mode (embedded H2, HTTP), fresh data on every start. The first start
 * of a new unpack also builds the server once (Quarkus augmentation, kept in target/ for the next runs).
 */
public final class KeycloakServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    /** The realm docker-compose.yml imports; the tests use the very same file. */
    public static final Path REALM_FILE = Path.of("deploy/keycloak/greenlight-realm.json");
    public static final String REALM = "greenlight";

    private final Process process;
    private final int httpPort;
    private final Path log;

    private KeycloakServer(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** Starts Keycloak from {@code home} and waits until it is ready (the realm is imported). */
    public static KeycloakServer start(Path home, Path logDir) {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " holds no Keycloak distribution: run the build through the"
                    + " pre-integration-test phase (./mvnw verify), which unpacks it");
        }
        Instant begin = Instant.now();
        try {
            Path data = home.resolve("data");
            deleteRecursively(data);
            Files.createDirectories(data.resolve("import"));
            Files.copy(REALM_FILE, data.resolve("import").resolve(REALM_FILE.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logDir);
            Path log = logDir.resolve("keycloak.log");

            int httpPort = Ports.free();
            int managementPort = Ports.free();
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--health-enabled=true",
                    // Demo passwords need no costly hashing: keeps the realm import (and logins) fast
                    "--spi-password-hashing--argon2--iterations=1",
                    "--spi-password-hashing--argon2--memory=1024"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            // Start-up is mostly class loading and the realm import: the C1 compiler alone is faster there
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            KeycloakServer server = new KeycloakServer(builder.start(), httpPort, log);
            try {
                Http.awaitStatus(URI.create("http://localhost:" + managementPort + "/health/ready"), 200,
                        Duration.ofMinutes(4), server.process, log);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            LOG.infof("Keycloak %s ready on port %d in %d s (log: %s)", System.getProperty("keycloak.version", ""),
                    httpPort, Duration.between(begin, Instant.now()).toSeconds(), log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    /** The issuer, {@code http://localhost:<port>/realms/greenlight}: Greenlight's {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return origin() + "/realms/" + REALM;
    }

    /** Where browsers reach Keycloak, for the pages' Content-Security-Policy. */
    public String origin() {
        return "http://localhost:" + httpPort;
    }

    /** An access token for a confidential client, client-credentials grant (as a CI pipeline gets one). */
    public String clientCredentialsToken(String clientId, String secret) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                        + "&client_secret=" + secret))
                .build();
        HttpResponse<String> response = Http.send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request for " + clientId + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return Http.json(response.body()).get("access_token").asText();
    }

    /** A person's access token through the password grant (the realm's users' password is their user name). */
    public String passwordToken(String username) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + E2eStack.CLIENT_ID
                        + "&client_secret=" + E2eStack.CLIENT_SECRET + "&username=" + username + "&password="
                        + username + "&scope=openid"))
                .build();
        HttpResponse<String> response = Http.send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Password grant for " + username + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return Http.json(response.body()).get("access_token").asText();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
        LOG.infof("Keycloak stopped (log: %s)", log);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
