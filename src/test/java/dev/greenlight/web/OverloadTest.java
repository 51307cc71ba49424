package dev.greenlight.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/** A request that finds every database connection busy is told to come back, and changes nothing. */
@QuarkusTest
class OverloadTest {
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void aWriteThatFindsNoFreeDatabaseConnectionGetsA503WithRetryAfterAndChangesNothing() throws SQLException {
        fixtures.neuronxWorkspace();
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < poolSize) {
                held.add(dataSource.getConnection());
            }
            given().header("Authorization", Users.ALICE.bearer())
                    .contentType(ContentType.JSON)
                    .body(Map.of("changesets", List.of(Map.of("id", "while-busy", "summary", "Written while busy",
                            "releases", Map.of("@neuronx/core", "patch")))))
                    .post("/api/v1/changesets")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "2")
                    .contentType("application/problem+json")
                    .body("title", equalTo("Busy"))
                    .body("detail", containsString("nothing was changed"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/changesets")
                .then()
                .statusCode(200)
                .body("id", not(hasItem("while-busy")));
    }
}
