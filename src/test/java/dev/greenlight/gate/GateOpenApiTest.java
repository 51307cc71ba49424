package dev.greenlight.gate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Users;

/**
 * The API reference groups the gate, post-release check, rollback and evidence routes under their tags, each
 * operation with a summary.
 */
@QuarkusTest
class GateOpenApiTest {
    private static final Map<String, String> TAG_BY_PATH = Map.of(
            "/api/v1/releases/{id}/gates", "Gates",
            "/api/v1/releases/{id}/gates/{gate}", "Gates",
            "/api/v1/releases/{id}/checks", "Post-release checks",
            "/api/v1/releases/{id}/checks/{check}", "Post-release checks",
            "/api/v1/releases/{id}/rollbacks", "Rollbacks",
            "/api/v1/releases/{id}/rollbacks/{rollback}", "Rollbacks",
            "/api/v1/releases/{id}/rollbacks/{rollback}/steps/{step}", "Rollbacks",
            "/api/v1/evidence/{id}", "Evidence",
            "/api/v1/releases/{id}/evidence-bundle", "Evidence");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasItsFeaturesTagAndASummary() {
        Map<String, Map<String, Map<String, Object>>> paths = given().header("Authorization", Users.CI.bearer())
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        TAG_BY_PATH.forEach((path, tag) -> {
            assertThat(paths).as(path).containsKey(path);
            Map<String, Object> operations = (Map<String, Object>) (Map<String, ?>) paths.get(path);
            assertThat(operations.keySet()).as(path).containsAnyOf("get", "post");
            operations.forEach((method, value) -> {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) value;
                assertThat((List<String>) operation.get("tags")).as(method + " " + path).containsExactly(tag);
                assertThat((String) operation.get("summary")).as(method + " " + path).isNotBlank();
            });
        });
    }
}
