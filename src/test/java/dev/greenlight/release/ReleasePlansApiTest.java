package dev.greenlight.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.greenlight.testsupport.Users;

@QuarkusTest
class ReleasePlansApiTest {
    private static final String CORE_AND_API = """
            {"packages":[
              {"name":"@neuronx/core","version":"1.2.3","dependencies":{},"devDependencies":{},"peerDependencies":{}},
              {"name":"@neuronx/api","version":"2.0.0","dependencies":{"@neuronx/core":"^1.2.3"},"devDependencies":{},"peerDependencies":{}}
             ],
             "changesets":[{"id":"brave-cats","summary":"Add evidence API","releases":{"@neuronx/core":"minor"}}],
             "preRelease":%s}
            """;

    @Test
    void plansVersionsAndChangelogAsChangesetsWould() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("null"))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(200)
                .body("releases", hasSize(1))
                .body("releases[0].name", equalTo("@neuronx/core"))
                .body("releases[0].oldVersion", equalTo("1.2.3"))
                .body("releases[0].newVersion", equalTo("1.3.0"))
                .body("releases[0].type", equalTo("minor"))
                .body("releases[0].changelog", startsWith("## 1.3.0"))
                .body("packages.find { it.name == '@neuronx/core' }.version", equalTo("1.3.0"))
                // ^1.2.3 still satisfies 1.3.0: the dependent is neither bumped nor rewritten
                .body("packages.find { it.name == '@neuronx/api' }.version", equalTo("2.0.0"))
                .body("packages.find { it.name == '@neuronx/api' }.dependencies.'@neuronx/core'", equalTo("^1.2.3"));
    }

    @Test
    void preReleaseModeCountsFromZero() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("\"alpha\""))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(200)
                .body("releases.find { it.name == '@neuronx/core' }.newVersion", equalTo("1.3.0-alpha.0"));
    }

    /** Nora has no Greenlight role: she may read nothing, plans included (ReadAccessTest). */
    @ParameterizedTest
    @EnumSource(value = Users.class, names = "NORA", mode = EnumSource.Mode.EXCLUDE)
    void everySignedInRoleMayPlan(Users user) {
        given().header("Authorization", user.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("null"))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(200);
    }

    @Test
    void withoutTokenIs401() {
        given().contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("null"))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(401);
    }

    @Test
    void unknownPreReleaseTagIsRefused() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("\"gamma\""))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("preRelease"));
    }

    @Test
    void unknownBumpTypeIsRefusedWithItsField() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("null").replace("\"minor\"", "\"huge\""))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets[0].releases.@neuronx/core"));
    }

    @Test
    void changesetForUnknownPackageIsRefused() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("null")
                        .replace("\"releases\":{\"@neuronx/core\"",
                                "\"releases\":{\"@neuronx/nope\""))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(400)
                .body("errors[0].field", startsWith("changesets[0]"));
    }

    @Test
    void invalidVersionIsRefusedWithItsField() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("null").replace("\"1.2.3\"", "\"1.2\""))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("packages[0].version"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"packages\": [")
                .post("/api/v1/release-plans")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void missingPackagesIsRefused() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"changesets\":[]}")
                .post("/api/v1/release-plans")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("packages"));
    }
}
