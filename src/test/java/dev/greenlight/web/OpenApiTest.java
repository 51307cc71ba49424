package dev.greenlight.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Routes;
import dev.greenlight.testsupport.Users;

/** The generated API reference names every route of the JSON API, and nothing but the JSON API. */
@QuarkusTest
class OpenApiTest {

    private static Map<String, Map<String, Object>> documentedPaths() {
        return given().header("Authorization", Users.CI.bearer())
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
    }

    @Test
    void everyApiRouteIsInTheDocument() {
        Map<String, Map<String, Object>> paths = documentedPaths();
        List<Routes.Route> routes = Routes.api();

        assertThat(routes).hasSizeGreaterThan(50);
        assertThat(routes).allSatisfy(route -> assertThat(paths.get(route.template()))
                .as("%s in /q/openapi", route)
                .isNotNull()
                .containsKey(route.method().toLowerCase(Locale.ROOT)));
    }

    @Test
    void thePagesStayOutOfTheDocument() {
        assertThat(documentedPaths().keySet()).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/"));
    }
}
