package dev.greenlight.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.common.Limits;
import dev.greenlight.security.Role;
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

    /** Those who submit changesets plan with them; nobody else may make the server plan. */
    @ParameterizedTest
    @EnumSource(Users.class)
    void onlyAuthorsMaintainersAndCiMayPlan(Users user) {
        boolean planner = user.actor().hasAny(Set.of(Role.AUTHOR, Role.MAINTAINER, Role.CI));
        given().header("Authorization", user.bearer())
                .contentType(ContentType.JSON)
                .body(CORE_AND_API.formatted("null"))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(planner ? 200 : 403);
    }

    @Test
    void roleIsCheckedBeforeTheBodyIsRead() {
        given().header("Authorization", Users.CAROL.bearer())
                .contentType(ContentType.JSON)
                .body("{\"packages\": [")
                .post("/api/v1/release-plans")
                .then()
                .statusCode(403);
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

    // --- every size is bounded before anything is parsed ---

    private static Map<String, Object> pkg(String name, String version, Map<String, String> dependencies) {
        return Map.of("name", name, "version", version, "dependencies", dependencies);
    }

    private static ValidatableResponse plan(List<?> packages, List<?> changesets) {
        return given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("packages", packages, "changesets", changesets))
                .post("/api/v1/release-plans")
                .then();
    }

    private static final List<Map<String, Object>> ONE_CHANGESET = List.of(
            Map.of("id", "one", "summary", "Fix", "releases", Map.of("@neuronx/core", "patch")));

    @Test
    void rangeAboveTheLimitIsRefusedWithItsField() {
        // a valid range, only too long: "^1.2.3 || ^1.2.3 || …"
        String range = String.join(" || ", Collections.nCopies(Limits.MAX_RANGE_CHARS / 10 + 2, "^1.2.3"));
        plan(List.of(pkg("@neuronx/core", "1.2.3", Map.of()),
                pkg("@neuronx/api", "2.0.0", Map.of("@neuronx/core", range))), ONE_CHANGESET)
                .statusCode(400)
                .body("errors[0].field", equalTo("packages[1].dependencies.@neuronx/core"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_RANGE_CHARS)));
    }

    @Test
    void pathologicalRangeAtTheLimitIsPlanned() {
        // "vvvv…1.x" is a valid range that the old comparator regex took quadratic time over
        String range = "v".repeat(Limits.MAX_RANGE_CHARS - 3) + "1.x";
        plan(List.of(pkg("@neuronx/core", "1.2.3", Map.of()),
                pkg("@neuronx/api", "2.0.0", Map.of("@neuronx/core", range))), ONE_CHANGESET)
                .statusCode(200)
                .body("releases.name", contains("@neuronx/core"));
    }

    @Test
    void versionAbovetheLimitIsRefused() {
        String version = "1.2.3-" + "a".repeat(Limits.MAX_VERSION_CHARS);
        plan(List.of(pkg("@neuronx/core", version, Map.of())), ONE_CHANGESET)
                .statusCode(400)
                .body("errors[0].field", equalTo("packages[0].version"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_VERSION_CHARS)));
    }

    @Test
    void tooManyPackagesAreRefused() {
        List<Map<String, Object>> packages = IntStream.rangeClosed(0, Limits.MAX_PACKAGES)
                .mapToObj(i -> pkg("p" + i, "1.0.0", Map.of()))
                .toList();
        plan(packages, List.of())
                .statusCode(400)
                .body("errors[0].field", equalTo("packages"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_PACKAGES)));
    }

    @Test
    void tooManyDependenciesAreRefused() {
        Map<String, String> dependencies = new HashMap<>();
        IntStream.rangeClosed(0, Limits.MAX_DEPENDENCIES).forEach(i -> dependencies.put("dep" + i, "^1.0.0"));
        plan(List.of(pkg("@neuronx/core", "1.2.3", dependencies)), ONE_CHANGESET)
                .statusCode(400)
                .body("errors[0].field", equalTo("packages[0].dependencies"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_DEPENDENCIES)));
    }

    @Test
    void tooManyDependenciesBetweenWorkspacePackagesAreRefused() {
        int count = 72; // 72 x 71 dependencies between them
        List<Map<String, Object>> packages = IntStream.range(0, count).mapToObj(i -> {
            Map<String, String> dependencies = new HashMap<>();
            IntStream.range(0, count).filter(j -> j != i).forEach(j -> dependencies.put("p" + j, "^1.0.0"));
            return pkg("p" + i, "1.0.0", dependencies);
        }).toList();
        plan(packages, List.of())
                .statusCode(400)
                .body("errors[0].field", equalTo("packages"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_INTERNAL_DEPENDENCIES)));
    }

    @Test
    void changelogTextAboveTheLimitIsRefused() {
        // one summary of 10,000 characters naming 101 packages: 1,010,000 characters of changelog
        List<Map<String, Object>> packages = IntStream.range(0, 101)
                .mapToObj(i -> pkg("p" + i, "1.0.0", Map.of()))
                .toList();
        Map<String, String> releases = new HashMap<>();
        IntStream.range(0, 101).forEach(i -> releases.put("p" + i, "patch"));
        plan(packages, List.of(Map.of("id", "wide", "summary", "x".repeat(Limits.MAX_SUMMARY_CHARS),
                "releases", releases)))
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_CHANGELOG_CHARS)));
    }

    @Test
    void tooManyChangesetsAreRefused() {
        List<Map<String, Object>> changesets = IntStream.rangeClosed(0, Limits.MAX_CHANGESETS)
                .mapToObj(i -> Map.<String, Object>of("id", "c" + i, "summary", "Fix", "releases",
                        Map.of("@neuronx/core", "patch")))
                .toList();
        plan(List.of(pkg("@neuronx/core", "1.2.3", Map.of())), changesets)
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_CHANGESETS)));
    }

    @Test
    void summaryAboveTheLimitIsRefused() {
        plan(List.of(pkg("@neuronx/core", "1.2.3", Map.of())), List.of(Map.of("id", "long", "summary",
                "x".repeat(Limits.MAX_SUMMARY_CHARS + 1), "releases", Map.of("@neuronx/core", "patch"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets[0].summary"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_SUMMARY_CHARS)));
    }

    @Test
    void bodyAboveTheLimitIsRefusedBeforeItIsParsed() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"packages\": [" + " ".repeat((int) Limits.MAX_BODY_BYTES))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(413)
                .body("errors[0].field", equalTo("body"));
    }
}
