package dev.greenlight.localdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM, kept across dev mode's restarts (a restart reloads this class, so the address is
 * remembered in a system property) and stopped when the JVM exits. Its data directory is kept under {@code target/}
 * so that the demo data survives a restart of dev mode. Only dev mode and tests have the embedded binaries (the
 * dependency is {@code provided}); the packaged application never loads this class.
 */
final class EmbeddedDatabase {
    private static final String ADDRESS_PROPERTY = "greenlight.embedded-postgres.address";
    private static final Path DATA_DIRECTORY = Path.of("target", "embedded-postgres");

    private EmbeddedDatabase() {
    }

    static synchronized String address() {
        String running = System.getProperty(ADDRESS_PROPERTY);
        if (running != null && LocalDatabase.answers(running)) {
            return running;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("Nothing answers on " + LocalDatabase.DEFAULT_ADDRESS
                    + " and PostgreSQL refuses to run as root, so no embedded one can start: start a PostgreSQL there "
                    + "or set QUARKUS_DATASOURCE_JDBC_URL");
        }
        try {
            Files.createDirectories(DATA_DIRECTORY);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(DATA_DIRECTORY)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .start();
            String address = "localhost:" + postgres.getPort();
            System.setProperty(ADDRESS_PROPERTY, address);
            return address;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + DATA_DIRECTORY, e);
        }
    }
}
