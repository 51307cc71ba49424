package dev.greenlight.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/**
 * Evidence uploads are checked for the uploader's role before their body is read: a user who may not report gates or
 * checks gets a 403 while the upload is still on its way, and nothing is stored.
 */
@QuarkusTest
class EvidenceUploadTest {
    private static final String BOUNDARY = "greenlight-upload-boundary";
    /** Declared, never sent in full: the server must answer without it. */
    private static final int DECLARED = 10 * 1024 * 1024;
    private static final int SENT = 64 * 1024;

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URI app;

    private long release;

    @BeforeEach
    void aReleaseInReview() {
        fixtures.neuronxWorkspace();
        String id = "upload-" + System.nanoTime();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/core\": patch", "Upload evidence");
        release = fixtures.submittedRelease(Users.ALICE, "Upload release", id).id();
    }

    @Test
    void anAuthorsLargeUploadIsRefusedBeforeItsBodyIsReadAndNothingIsStored() throws IOException {
        for (String path : List.of("/releases/" + release + "/gates", "/api/v1/releases/" + release + "/gates/evidence",
                "/releases/" + release + "/checks", "/api/v1/releases/" + release + "/checks/smoke-tests")) {
            assertThat(statusOfAPartialUpload(path, Users.ALICE)).as(path).isEqualTo(403);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Evidence.count("releaseId", release))).isZero();
    }

    /**
     * Sends the headers of a 10 MiB multipart upload and its first 64 KiB, then waits for the answer without sending
     * the rest: only a server that decides before reading the body can answer.
     */
    private int statusOfAPartialUpload(String path, Users user) throws IOException {
        try (Socket socket = new Socket(app.getHost(), app.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"gate\"\r\n\r\nevidence\r\n--"
                    + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n";
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + user.bearer() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + DECLARED
                    + "\r\n\r\n" + head).getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[SENT]);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                statusLine.append((char) b);
            }
            assertThat(statusLine.toString()).as("status line of " + path).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
