package dev.greenlight.testsupport;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** A freeze window made through the API by a leader for one test, and removed after it (windows are global). */
public final class FreezeWindows {

    private FreezeWindows() {
    }

    /** A one-day window in UTC starting on {@code day} (2033-02-01) for {@code targets} of {@code scope}; its id. */
    public static long oneDay(String reason, String day, String scope, List<String> targets) {
        Map<String, Object> window = new HashMap<>();
        window.put("reason", reason);
        window.put("start", day + "T00:00");
        window.put("end", LocalDate.parse(day).plusDays(1) + "T00:00");
        window.put("timeZone", "UTC");
        window.put("scope", scope);
        window.put("targets", targets);
        return given().header("Authorization", Users.LEAH.bearer())
                .contentType(ContentType.JSON)
                .body(window)
                .post("/api/v1/freezes")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static void delete(long id) {
        given().header("Authorization", Users.LEAH.bearer()).delete("/api/v1/freezes/" + id).then().statusCode(204);
    }
}
