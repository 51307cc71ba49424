package dev.greenlight.bundle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.adr.AdrInput;
import dev.greenlight.adr.AdrService;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.gate.GateService;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;
import dev.greenlight.validation.ValidationService;

@QuarkusTest
class EvidenceBundleTest {
    private static final byte[] REPORT = "<testsuite tests=\"412\" failures=\"0\"/>".getBytes(StandardCharsets.UTF_8);

    @Inject
    Fixtures fixtures;
    @Inject
    GateService gates;
    @Inject
    ReleaseService releases;
    @Inject
    ValidationService validation;
    @Inject
    AdrService adrs;

    @TestHTTPResource("/")
    URI app;

    private long release;

    @BeforeEach
    void publishedReleaseWithAFileAsEvidence() {
        fixtures.neuronxWorkspace();
        String id = "bundle-" + System.nanoTime();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/sdk\": minor", "Stream the audit export");
        release = fixtures.submittedRelease(Users.ALICE, "Bundled release", id).id();
        fixtures.passAllGates(release);
        gates.record(Users.CI.actor(), release, "evidence", null,
                EvidenceInput.file("junit report.xml", "application/xml", REPORT), "JUnit run 412");
        adrs.add(Users.ALICE.actor(), release,
                new AdrInput("ADR-12: stream exports from a cursor", "https://adr.neuronx.dev/12"));
        fixtures.approveAllSlots(release);
        releases.publish(Users.MAX.actor(), release);
        validation.record(Users.CI.actor(), release, "error-rate", new BigDecimal("7.5"), null, "after 10 minutes");
    }

    @Test
    void theBundleHoldsASummaryTheFactsAsJsonTheEvidenceFilesAndTheirChecksums() throws IOException {
        byte[] zip = given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/" + release + "/evidence-bundle")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"greenlight-release-" + release
                        + "-evidence.zip\"")
                .extract()
                .asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).containsExactly("summary.html", "release.json",
                files.keySet().stream().filter(n -> n.startsWith("evidence/")).findFirst().orElse("evidence/?"),
                "SHA256SUMS");

        String summary = new String(files.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains("Evidence for release #" + release + ": Bundled release")
                .contains("State: <strong>Published</strong>")
                .contains("carol approved")
                .contains("sam approved")
                .contains("paula approved")
                .contains("SHA-256 " + sha256(REPORT))
                .contains("release.published")
                .contains("Error rate within threshold</td><td>FAILED")
                .contains("Never rolled back.")
                .contains("<a href=\"https://adr.neuronx.dev/12\">ADR-12: stream exports from a cursor</a>");

        JsonNode json = new ObjectMapper().readTree(files.get("release.json"));
        assertThat(json.at("/release/title").asText()).isEqualTo("Bundled release");
        assertThat(json.at("/release/publication/publishedBy").asText()).isEqualTo("max");
        assertThat(json.at("/changesets/0/summary").asText()).isEqualTo("Stream the audit export");
        assertThat(json.at("/generatedBy").asText()).isEqualTo("paula");
        assertThat(json.at("/validation").findValuesAsText("state")).contains("FAILED");
        JsonNode audit = json.get("auditEvents");
        assertThat(audit.size()).isGreaterThan(5);
        for (int i = 0; i < audit.size(); i++) {
            assertThat(audit.get(i).get("hash").asText()).as("hash of audit event %d", i).hasSize(64);
        }

        String evidenceName = files.keySet().stream().filter(n -> n.startsWith("evidence/")).findFirst().orElseThrow();
        assertThat(evidenceName).endsWith("-junit_report.xml");
        assertThat(files.get(evidenceName)).isEqualTo(REPORT);

        // SHA256SUMS in sha256sum's format covers every other file
        String[] sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n");
        assertThat(sums).hasSize(files.size() - 1);
        for (String line : sums) {
            String[] parts = line.split(" {2}", 2);
            assertThat(sha256(files.get(parts[1]))).as("checksum of " + parts[1]).isEqualTo(parts[0]);
        }
    }

    @Test
    void peopleDownloadTheSameBundleFromTheReleasePage() throws IOException {
        PageSession session = PageSession.signIn(Users.LEAH);
        assertThat(session.get("/releases/" + release).asString())
                .contains("href=\"/releases/" + release + "/evidence-bundle\"");
        byte[] zip = session.request()
                .get("/releases/" + release + "/evidence-bundle")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        assertThat(unzip(zip)).containsKeys("summary.html", "release.json", "SHA256SUMS");
    }

    @Test
    void anUnknownReleaseIs404AndNoTokenIs401() {
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/999999/evidence-bundle")
                .then()
                .statusCode(404);
        given().get("/api/v1/releases/" + release + "/evidence-bundle").then().statusCode(401);
    }

    @Test
    void theBundleStreamsItsEvidenceFilesInsteadOfHoldingThemInMemory() throws Exception {
        // Four files of 8 MiB, random so that neither PostgreSQL nor the ZIP can shrink them
        byte[] file = new byte[8 * 1024 * 1024];
        new Random(19).nextBytes(file);
        String id = "bundle-big-" + System.nanoTime();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/ui\": patch", "Big evidence");
        long big = fixtures.submittedRelease(Users.ALICE, "Big evidence", id).id();
        gates.record(Users.CI.actor(), big, "tests", BigDecimal.ZERO,
                EvidenceInput.file("tests.zip", "application/zip", file), null);
        gates.record(Users.CI.actor(), big, "coverage", new BigDecimal("91"),
                EvidenceInput.file("coverage.zip", "application/zip", file), null);
        gates.record(Users.CI.actor(), big, "critical-vulnerabilities", BigDecimal.ZERO,
                EvidenceInput.file("scan.zip", "application/zip", file), null);
        gates.record(Users.CI.actor(), big, "evidence", null,
                EvidenceInput.file("evidence.zip", "application/zip", file), null);

        int megabyte = 1024 * 1024;
        try (Socket socket = new Socket(app.getHost(), app.getPort()); Connection owner = ownerConnection()) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET /api/v1/releases/" + big + "/evidence-bundle HTTP/1.1\r\nHost: localhost\r\n"
                            + "Connection: close\r\nAuthorization: " + Users.PAULA.bearer() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = headers(in);
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            // The first megabyte has arrived: the server is in the middle of the first evidence file
            assertThat(in.readNBytes(megabyte)).hasSize(megabyte);

            // From now on no slice of evidence can be read: only what the server already read can still arrive
            owner.setAutoCommit(false);
            try (Statement lock = owner.createStatement()) {
                lock.execute("lock table evidence in access exclusive mode");
            }
            socket.setSoTimeout(3_000);
            long whileLocked = drain(in);
            assertThat(megabyte + whileLocked).as("bytes sent while no evidence could be read, of a 32 MiB bundle")
                    .isLessThan(16L * megabyte);

            owner.rollback();
            socket.setSoTimeout(30_000);
            long rest = drain(in);
            assertThat(megabyte + whileLocked + rest).as("the whole bundle once the evidence is readable again")
                    .isGreaterThan(32L * megabyte);
        }
    }

    /** Bytes read until the stream ends or stays silent for the socket's timeout. */
    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (SocketTimeoutException silent) {
            // nothing more arrives for now
        }
        return total;
    }

    /** A connection of the schema's owner, outside the pool: the application role may not lock tables. */
    private static Connection ownerConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static String headers(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
