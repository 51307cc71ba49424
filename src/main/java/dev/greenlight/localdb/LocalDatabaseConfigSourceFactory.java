package dev.greenlight.localdb;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In dev mode and tests, supplies the datasource URL when nothing else does (environment, system properties,
 * application.properties): the local PostgreSQL's schema {@code quarkus.flyway.schemas}, on the server
 * {@link LocalDatabase} chooses. Production never gets a default: it must be configured.
 */
public class LocalDatabaseConfigSourceFactory implements ConfigSourceFactory {
    static final String URL = "quarkus.datasource.jdbc.url";
    static final String DEFAULT_ADDRESS = "greenlight.local-database.default-address";
    /** Below application.properties (250): any configured URL wins. */
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!profiles.contains("dev") && !profiles.contains("test")) {
            return List.of();
        }
        if (value(context, URL) != null) {
            return List.of();
        }
        String schema = value(context, "quarkus.flyway.schemas");
        String defaultAddress = value(context, DEFAULT_ADDRESS);
        String address = LocalDatabase.address(defaultAddress == null ? LocalDatabase.DEFAULT_ADDRESS : defaultAddress);
        String url = "jdbc:postgresql://" + address + "/postgres" + (schema == null ? "" : "?currentSchema=" + schema);
        return List.of(new PropertiesConfigSource(Map.of(URL, url), "greenlight-local-database", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() { return OptionalInt.of(ORDINAL); }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
