package dev.greenlight.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.greenlight.gate.GateService;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/**
 * An evidence download says what its bytes hash to in the forms clients check: {@code Repr-Digest} (RFC 9530,
 * {@code sha-256=:<base64>:}) and the older {@code Digest} (RFC 3230, {@code sha-256=<base64>}), both base64 of the
 * SHA-256; the ETag stays the hex SHA-256 that the API and the audit log show.
 */
@QuarkusTest
class EvidenceDigestTest {
    @Inject
    Fixtures fixtures;
    @Inject
    GateService gates;

    @Test
    void downloadsCarryTheirSha256AsRfcDigestsAndTheHexEtag() throws Exception {
        fixtures.neuronxWorkspace();
        String changeset = "evidence-digest-" + System.nanoTime();
        fixtures.changeset(Users.ALICE, changeset, "\"@neuronx/core\": patch", "Digest");
        long release = fixtures.submittedRelease(Users.ALICE, "Digest", changeset).id();
        byte[] report = "tests=812 failures=0".getBytes(StandardCharsets.UTF_8);
        long evidence = gates.record(Users.CI.actor(), release, "tests", BigDecimal.ZERO,
                EvidenceInput.file("junit.txt", "text/plain", report), null).evidence().id();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(report);
        String base64 = Base64.getEncoder().encodeToString(sha256);

        Response api = given().header("Authorization", Users.PETE.bearer()).get("/api/v1/evidence/" + evidence);
        Response page = PageSession.signIn(Users.PETE).get("/releases/" + release + "/evidence/" + evidence);

        for (Response download : new Response[]{api, page}) {
            download.then().statusCode(200);
            assertThat(download.asByteArray()).isEqualTo(report);
            assertThat(download.header("Repr-Digest")).isEqualTo("sha-256=:" + base64 + ":");
            assertThat(download.header("Digest")).isEqualTo("sha-256=" + base64);
            assertThat(download.header("ETag")).isEqualTo("\"" + HexFormat.of().formatHex(sha256) + "\"");
        }
    }
}
