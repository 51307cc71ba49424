package dev.greenlight.workspace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.greenlight.common.Limits;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class PackagesApiTest {

    @Test
    void ciReportsManifestsAndEveryoneReadsThem() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("packages", List.of(
                        Map.of("name", "@neuronx/core", "version", "1.0.0"),
                        Map.of("name", "@neuronx/api", "version", "2.0.0",
                                "dependencies", Map.of("@neuronx/core", "^1.0.0")))))
                .put("/api/v1/packages")
                .then()
                .statusCode(200)
                .body("name", hasItem("@neuronx/api"));

        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/packages")
                .then()
                .statusCode(200)
                .body("find { it.name == '@neuronx/api' }.dependencies.'@neuronx/core'", equalTo("^1.0.0"))
                .body("find { it.name == '@neuronx/api' }.version", equalTo("2.0.0"));
    }

    @Test
    void authorsMayNotChangePackages() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("packages", List.of(Map.of("name", "@neuronx/core", "version", "1.0.0"))))
                .put("/api/v1/packages")
                .then()
                .statusCode(403);
    }

    @Test
    void invalidVersionIsRefusedWithItsField() {
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("packages", List.of(Map.of("name", "@neuronx/core", "version", "one"))))
                .put("/api/v1/packages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("packages[0].version"));
    }

    @Test
    void invalidNameIsRefusedWithItsField() {
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("packages", List.of(Map.of("name", "Not A Name", "version", "1.0.0"))))
                .put("/api/v1/packages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("packages[0].name"));
    }

    @Test
    void rangeAboveTheLimitIsRefusedWithItsField() {
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("packages", List.of(Map.of("name", "@neuronx/core", "version", "1.0.0"),
                        Map.of("name", "@neuronx/api", "version", "1.0.0", "dependencies",
                                Map.of("@neuronx/core", "v".repeat(Limits.MAX_RANGE_CHARS) + "1")))))
                .put("/api/v1/packages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("packages[1].dependencies.@neuronx/core"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_RANGE_CHARS)));
    }

    @Test
    void bodyAboveTheLimitIsRefusedBeforeItIsParsed() {
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body("{\"packages\": [" + " ".repeat((int) Limits.MAX_BODY_BYTES))
                .put("/api/v1/packages")
                .then()
                .statusCode(413)
                .body("errors[0].field", equalTo("body"));
    }
}
