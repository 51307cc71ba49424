package dev.greenlight.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import javax.sql.DataSource;

/**
 * Empties every table before the first test of each test class, so that classes pass in any order. (A before-class
 * callback would run before the application has started for the first class.)
 */
public class ResetDatabase implements QuarkusTestBeforeEachCallback {
    private static Class<?> lastResetFor;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Class<?> testClass = context.getTestInstance().getClass();
        if (testClass == lastResetFor) {
            return;
        }
        lastResetFor = testClass;
        emptyAllTables(Arc.container().instance(DataSource.class).get());
    }

    /** For a test class whose every test needs a fresh database. */
    public static void emptyAllTables(DataSource dataSource) {
        asOwner(dataSource, statement -> {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement
                    .executeQuery("select tablename from pg_tables where schemaname = current_schema()"
                            + " and tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
            }
        });
    }

    /** SQL the application role may not run (truncate, tampering, DDL): as the schema's owner, then back. */
    public interface OwnerWork {
        void run(Statement statement) throws SQLException;
    }

    public static void asOwner(DataSource dataSource, OwnerWork work) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // the pool's connections run as greenlight_app (application.properties); the session user owns the schema
            String role;
            try (ResultSet rs = statement.executeQuery("select current_user")) {
                rs.next();
                role = rs.getString(1);
            }
            statement.execute("reset role");
            try {
                work.run(statement);
            } finally {
                statement.execute("set role \"" + role + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Owner SQL failed: " + e.getMessage(), e);
        }
    }
}
