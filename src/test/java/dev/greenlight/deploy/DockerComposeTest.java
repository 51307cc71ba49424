package dev.greenlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, checked without Docker: PostgreSQL, Keycloak (the realm file the end-to-end tests import, the
 * Keycloak version they run) and Greenlight, each with a health check, started in order, configured from the
 * environment; the schema migrated once by the owner, the application running as a member of greenlight_app.
 */
class DockerComposeTest {
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = Yamls.at(compose, "services");
        }
    }

    @Test
    void postgresKeycloakAndGreenlightEachWithAHealthCheck() {
        // greenlight-migrate runs once and exits: its "health" is its exit code (see below)
        assertThat(services).containsOnlyKeys("postgres", "keycloak", "greenlight-migrate", "greenlight");
        for (String service : List.of("postgres", "keycloak", "greenlight")) {
            List<String> test = Yamls.at(service(service), "healthcheck.test");
            assertThat(test).as(service).isNotEmpty().first().isEqualTo("CMD");
        }
        assertThat(String.join(" ", Yamls.<List<String>>at(service("greenlight"), "healthcheck.test")))
                .contains("/dev/tcp/127.0.0.1/9000", "/q/health/ready");
    }

    @Test
    void greenlightStartsWhenItsDatabaseIsMigratedAndItsIdentityProviderIsHealthy() {
        Map<String, Object> dependsOn = Yamls.at(service("greenlight"), "depends_on");
        assertThat(dependsOn).containsOnlyKeys("greenlight-migrate", "keycloak");
        assertThat(dependsOn.get("greenlight-migrate"))
                .isEqualTo(Map.of("condition", "service_completed_successfully"));
        assertThat(dependsOn.get("keycloak")).isEqualTo(Map.of("condition", "service_healthy"));
        assertThat(Yamls.<Object>at(service("greenlight-migrate"), "depends_on"))
                .isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy")));
        for (String service : List.of("greenlight-migrate", "greenlight")) {
            assertThat(Yamls.<Object>at(service(service), "build.dockerfile")).as(service)
                    .isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(Yamls.<Object>at(service(service), "image")).as(service).isEqualTo("greenlight:latest");
        }
        assertThat(Path.of("src/main/docker/Dockerfile.jvm")).isRegularFile();
    }

    @Test
    void theOwnerOnlyMigratesAndTheApplicationRunsAsAMemberOfGreenlightApp() throws IOException {
        Map<String, Object> postgres = Yamls.at(service("postgres"), "environment");
        String owner = String.valueOf(postgres.get("POSTGRES_USER"));
        Map<String, Object> migrate = Yamls.at(service("greenlight-migrate"), "environment");
        Map<String, Object> app = Yamls.at(service("greenlight"), "environment");

        // greenlight-migrate: Flyway as the owner, then it exits
        assertThat(migrate).containsEntry("QUARKUS_DATASOURCE_USERNAME", owner)
                .containsEntry("QUARKUS_INIT_AND_EXIT", "true");
        assertThat(String.valueOf(migrate.get("QUARKUS_DATASOURCE_PASSWORD"))).startsWith("${POSTGRES_PASSWORD");

        // greenlight: another login, which neither migrates nor knows the owner's password
        assertThat(app.get("QUARKUS_DATASOURCE_USERNAME")).isNotEqualTo(owner).isEqualTo("greenlight");
        assertThat(app).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
                .doesNotContainKeys("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
        assertThat(app.values()).noneMatch(value -> String.valueOf(value).contains("POSTGRES_PASSWORD"));

        // that login is created on the database's first start, as a member of greenlight_app and nothing more
        assertThat(Yamls.<List<String>>at(service("postgres"), "volumes")).contains(
                "./deploy/postgres/create-app-login.sh:/docker-entrypoint-initdb.d/create-app-login.sh:ro");
        String script = Files.readString(Path.of("deploy/postgres/create-app-login.sh"));
        assertThat(script).contains("create role greenlight login password :'app_password' in role greenlight_app;")
                .doesNotContainIgnoringCase("superuser")
                .doesNotContainIgnoringCase("createrole")
                .doesNotContainIgnoringCase("grant all");
        assertThat(String.valueOf(postgres.get("GREENLIGHT_DB_PASSWORD")))
                .isEqualTo(String.valueOf(app.get("QUARKUS_DATASOURCE_PASSWORD")));
    }

    @Test
    void keycloakImportsTheRealmTheTestsUseAtTheVersionTheyRun() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(Yamls.<List<String>>at(keycloak, "command")).contains("--import-realm");
        assertThat(Yamls.<List<String>>at(keycloak, "volumes"))
                .contains("./deploy/keycloak/greenlight-realm.json:/opt/keycloak/data/import/greenlight-realm.json:ro");
        assertThat(Path.of("deploy/keycloak/greenlight-realm.json")).isRegularFile();
        assertThat(Yamls.<String>at(keycloak, "image"))
                .isEqualTo("quay.io/keycloak/keycloak:" + System.getProperty("keycloak.version"));
    }

    @Test
    void greenlightIsConfiguredFromTheEnvironment() {
        Map<String, Object> env = Yamls.at(service("greenlight"), "environment");
        assertThat(env).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                "GREENLIGHT_CSRF_SIGNING_KEY", "GREENLIGHT_BASE_URL");
        // Secrets are substituted from the caller's environment (defaults only for a laptop)
        for (String secret : List.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_CREDENTIALS_SECRET",
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "GREENLIGHT_CSRF_SIGNING_KEY")) {
            assertThat(String.valueOf(env.get(secret))).as(secret).startsWith("${");
        }
        assertThat(String.valueOf(Yamls.<Object>at(service("postgres"), "environment.POSTGRES_PASSWORD")))
                .startsWith("${");
        assertThat(Yamls.<List<String>>at(service("greenlight"), "ports")).contains("8080:8080");
        assertThat(String.valueOf(Yamls.<Object>at(service("postgres"), "environment.GREENLIGHT_DB_PASSWORD")))
                .startsWith("${");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = Yamls.at(services, name);
        assertThat(service).as(name).isNotNull();
        return service;
    }
}
