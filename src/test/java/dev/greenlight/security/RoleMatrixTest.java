package dev.greenlight.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.greenlight.testsupport.Users;

/**
 * Every API route against every role: 401 without a token, 403 for a role that may not, and past the role check
 * (a 2xx, or the 400/404 that bad input or an unknown release gets) for a role that may. Nothing here changes state.
 */
@QuarkusTest
class RoleMatrixTest {
    private static final Set<Role> EVERYONE = Set.of(Role.values());
    /** File incidents, and write post-mortems (their owner, or the teams who run production). */
    private static final Set<Role> INCIDENT_WRITERS = Set.of(Role.AUTHOR, Role.SECURITY_TEAM, Role.PRODUCT_TEAM,
            Role.ENGINEERING_LEADER, Role.MAINTAINER, Role.ADMIN);
    private static final Set<Role> POSTMORTEM_REVIEWERS = Set.of(Role.SECURITY_TEAM, Role.PRODUCT_TEAM,
            Role.ENGINEERING_LEADER, Role.MAINTAINER);

    record Route(String method, String path, String body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> routeList() {
        return List.of(
                new Route("GET", "/api/v1/releases", null, EVERYONE),
                new Route("GET", "/api/v1/changesets", null, EVERYONE),
                new Route("GET", "/api/v1/packages", null, EVERYONE),
                new Route("GET", "/api/v1/reviews/mine", null, EVERYONE),
                new Route("POST", "/api/v1/release-plans", "{\"packages\":[]}", Set.of(Role.AUTHOR, Role.MAINTAINER,
                        Role.CI)),
                new Route("PUT", "/api/v1/packages", "{\"packages\":[]}", Set.of(Role.MAINTAINER, Role.ADMIN, Role.CI)),
                new Route("POST", "/api/v1/changesets", "{\"files\":[]}",
                        Set.of(Role.AUTHOR, Role.MAINTAINER, Role.CI)),
                new Route("POST", "/api/v1/releases", "{\"title\":\"\"}", Set.of(Role.AUTHOR, Role.MAINTAINER)),
                new Route("POST", "/api/v1/releases/999999/submit", "{}", Set.of(Role.AUTHOR, Role.MAINTAINER)),
                new Route("POST", "/api/v1/releases/999999/cancel", "{}", Set.of(Role.AUTHOR, Role.MAINTAINER,
                        Role.ADMIN)),
                new Route("POST", "/api/v1/releases/999999/publish", "{}", Set.of(Role.MAINTAINER)),
                new Route("POST", "/api/v1/releases/999999/approvals", "{\"slot\":\"code\",\"decision\":\"approve\"}",
                        Set.of(Role.CODE_REVIEWER, Role.SECURITY_REVIEWER, Role.PRODUCT_REVIEWER)),
                new Route("POST", "/api/v1/releases/999999/gates/critical-vulnerabilities", "{\"value\":0}",
                        Set.of(Role.CI, Role.MAINTAINER, Role.SECURITY_TEAM)),
                new Route("GET", "/api/v1/releases/999999/evidence-bundle", null, EVERYONE),
                new Route("POST", "/api/v1/releases/999999/deployment", "{\"deployedAt\":\"2026-11-27T10:00:00Z\"}",
                        Set.of(Role.CI, Role.MAINTAINER)),
                new Route("GET", "/api/v1/releases/999999/checks", null, EVERYONE),
                new Route("POST", "/api/v1/releases/999999/checks/smoke-tests", "{\"value\":0}",
                        Set.of(Role.CI, Role.MAINTAINER)),
                new Route("GET", "/api/v1/releases/999999/rollbacks", null, EVERYONE),
                new Route("GET", "/api/v1/releases/999999/rollbacks/1", null, EVERYONE),
                new Route("POST", "/api/v1/releases/999999/rollbacks", "{\"reason\":\"Broken\"}",
                        Set.of(Role.MAINTAINER, Role.ENGINEERING_LEADER)),
                new Route("POST", "/api/v1/releases/999999/rollbacks/1/steps/identify-issue", "{}",
                        Set.of(Role.MAINTAINER, Role.ENGINEERING_LEADER)),
                new Route("GET", "/api/v1/incidents", null, EVERYONE),
                new Route("GET", "/api/v1/incidents/999999", null, EVERYONE),
                new Route("POST", "/api/v1/incidents", "{\"title\":\"\"}", INCIDENT_WRITERS),
                new Route("PUT", "/api/v1/incidents/999999", "{\"title\":\"\"}", INCIDENT_WRITERS),
                new Route("POST", "/api/v1/incidents/999999/postmortem", "{}", INCIDENT_WRITERS),
                new Route("GET", "/api/v1/postmortems", null, EVERYONE),
                new Route("GET", "/api/v1/postmortems/overdue", null, EVERYONE),
                new Route("GET", "/api/v1/postmortems/999999", null, EVERYONE),
                new Route("PUT", "/api/v1/postmortems/999999", "{}", INCIDENT_WRITERS),
                new Route("POST", "/api/v1/postmortems/999999/timeline", "{}", INCIDENT_WRITERS),
                new Route("POST", "/api/v1/postmortems/999999/action-items", "{}", INCIDENT_WRITERS),
                new Route("PUT", "/api/v1/postmortems/999999/action-items/1/status", "{\"status\":\"DONE\"}",
                        EVERYONE),
                new Route("POST", "/api/v1/postmortems/999999/submit", "{}", INCIDENT_WRITERS),
                new Route("POST", "/api/v1/postmortems/999999/request-changes", "{}", POSTMORTEM_REVIEWERS),
                new Route("POST", "/api/v1/postmortems/999999/sign-off", "{}", POSTMORTEM_REVIEWERS),
                new Route("POST", "/api/v1/postmortems/999999/publish", "{}", INCIDENT_WRITERS),
                new Route("GET", "/api/v1/releases/999999/adrs", null, EVERYONE),
                new Route("POST", "/api/v1/releases/999999/adrs", "{\"title\":\"ADR\",\"url\":\"https://a.b/1\"}",
                        Set.of(Role.AUTHOR, Role.MAINTAINER)),
                new Route("GET", "/api/v1/audit", null, EVERYONE),
                new Route("GET", "/api/v1/audit/verification", null, EVERYONE),
                new Route("GET", "/api/v1/audit/export?format=json&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
                        null, EVERYONE),
                new Route("GET", "/api/v1/metrics", null, EVERYONE));
    }

    static Stream<Arguments> routes() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routeList()) {
            for (Users user : Users.onePerRole()) {
                cases.add(Arguments.of(route, user));
            }
        }
        return cases.stream();
    }

    private static RequestSpecification request(Route route) {
        RequestSpecification spec = given();
        if (route.body() != null) {
            spec = spec.contentType(ContentType.JSON).body(route.body());
        }
        return spec;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routes")
    void roleDecidesAccess(Route route, Users user) {
        int status = request(route).header("Authorization", user.bearer())
                .request(route.method(), route.path())
                .statusCode();
        if (route.allowed().contains(user.role)) {
            assertThat(status).as("%s may %s", user.role, route).isIn(200, 201, 400, 404);
        } else {
            assertThat(status).as("%s may not %s", user.role, route).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("routeList")
    void withoutATokenEveryRouteIs401(Route route) {
        assertThat(request(route).request(route.method(), route.path()).statusCode()).isEqualTo(401);
    }
}
