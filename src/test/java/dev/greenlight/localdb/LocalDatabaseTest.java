package dev.greenlight.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which database dev mode and the tests use when none is configured. */
class LocalDatabaseTest {

    @Test
    void aServerAnsweringOnTheDefaultAddressIsUsedWithTheProfilesSchema() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            SmallRyeConfig config = config("test", Map.of("%test.quarkus.flyway.schemas", "greenlight_test",
                    LocalDatabaseConfigSourceFactory.DEFAULT_ADDRESS, "localhost:" + server.getLocalPort()));

            assertThat(config.getRawValue(LocalDatabaseConfigSourceFactory.URL))
                    .isEqualTo("jdbc:postgresql://localhost:" + server.getLocalPort()
                            + "/postgres?currentSchema=greenlight_test");
        }
    }

    @Test
    void aConfiguredUrlIsUsedAsItIsAndNothingIsProbed() {
        SmallRyeConfig config = config("dev", Map.of(LocalDatabaseConfigSourceFactory.URL, "jdbc:postgresql://db/x",
                LocalDatabaseConfigSourceFactory.DEFAULT_ADDRESS, "not-an-address"));

        assertThat(config.getRawValue(LocalDatabaseConfigSourceFactory.URL)).isEqualTo("jdbc:postgresql://db/x");
    }

    @Test
    void productionGetsNoDefaultDatabase() {
        SmallRyeConfig config = config("prod", Map.of());

        assertThat(config.getRawValue(LocalDatabaseConfigSourceFactory.URL)).isNull();
    }

    @Test
    void aClosedPortDoesNotAnswer() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0)) {
            port = server.getLocalPort();
            assertThat(LocalDatabase.answers("localhost:" + port)).isTrue();
        }
        assertThat(LocalDatabase.answers("localhost:" + port)).isFalse();
    }

    @Test
    void withNothingAnsweringAsRootTheEmbeddedServerCannotStartAndSaysWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket server = new ServerSocket(0)) {
            closedPort = server.getLocalPort();
        }
        String address = "localhost:" + closedPort;
        if ("root".equals(System.getProperty("user.name"))) {
            assertThatThrownBy(() -> LocalDatabase.address(address))
                    .hasMessageContaining("refuses to run as root")
                    .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL");
        } else {
            assertThat(LocalDatabase.answers(LocalDatabase.address(address))).isTrue();
        }
    }

    @Test
    void addressesAreHostColonPort() {
        assertThat(LocalDatabase.HostAndPort.parse("localhost:5432")).contains(new LocalDatabase.HostAndPort(
                "localhost", 5432));
        assertThat(LocalDatabase.HostAndPort.parse("localhost")).isEmpty();
        assertThat(LocalDatabase.HostAndPort.parse("localhost:x")).isEmpty();
    }

    private static SmallRyeConfig config(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new LocalDatabaseConfigSourceFactory())
                .build();
    }
}
