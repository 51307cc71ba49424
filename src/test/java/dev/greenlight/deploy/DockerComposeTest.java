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
 * environment.
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
        assertThat(services).containsOnlyKeys("postgres", "keycloak", "greenlight");
        for (String service : services.keySet()) {
            List<String> test = Yamls.at(service(service), "healthcheck.test");
            assertThat(test).as(service).isNotEmpty().first().isEqualTo("CMD");
        }
        assertThat(String.join(" ", Yamls.<List<String>>at(service("greenlight"), "healthcheck.test")))
                .contains("/dev/tcp/127.0.0.1/9000", "/q/health/ready");
    }

    @Test
    void greenlightStartsWhenItsDatabaseAndIdentityProviderAreHealthy() {
        Map<String, Object> dependsOn = Yamls.at(service("greenlight"), "depends_on");
        assertThat(dependsOn).containsOnlyKeys("postgres", "keycloak");
        dependsOn.values()
                .forEach(condition -> assertThat(condition).isEqualTo(Map.of("condition",
                        "service_healthy")));
        assertThat(Yamls.<Object>at(service("greenlight"), "build.dockerfile")).isEqualTo(
                "src/main/docker/Dockerfile.jvm");
        assertThat(Path.of("src/main/docker/Dockerfile.jvm")).isRegularFile();
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
                "GREENLIGHT_BASE_URL");
        // Secrets are substituted from the caller's environment (defaults only for a laptop)
        for (String secret : List.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_CREDENTIALS_SECRET",
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET")) {
            assertThat(String.valueOf(env.get(secret))).as(secret).startsWith("${");
        }
        assertThat(String.valueOf(Yamls.<Object>at(service("postgres"), "environment.POSTGRES_PASSWORD")))
                .startsWith("${");
        assertThat(Yamls.<List<String>>at(service("greenlight"), "ports")).contains("8080:8080");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = Yamls.at(services, name);
        assertThat(service).as(name).isNotNull();
        return service;
    }
}
