package dev.greenlight.evidence;

import java.util.Base64;
import java.util.HexFormat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Evidence files go out as attachments so that a browser never renders them as part of the portal. */
final class EvidenceDownloads {

    private EvidenceDownloads() {
    }

    /**
     * The response for a file whose bytes {@code body} streams, with their SHA-256 as clients check it: base64 in
     * {@code Repr-Digest} (RFC 9530) and in the older {@code Digest} (RFC 3230), and the hex the API shows as ETag.
     */
    static Response response(EvidenceFile file, StreamingOutput body) {
        String safeName = file.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()));
        return Response.ok(body, file.contentType())
                .header("Content-Length", file.size())
                .header("Content-Disposition", "attachment; filename=\"" + safeName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + base64 + ":")
                .header("Digest", "sha-256=" + base64)
                .header("ETag", "\"" + file.sha256() + "\"")
                .build();
    }
}
