package dev.greenlight.gate;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Evidence files go out as attachments so that a browser never renders them as part of the portal. */
final class EvidenceDownloads {

    private EvidenceDownloads() {
    }

    /** The response for a file whose bytes {@code body} streams. */
    static Response response(GateService.EvidenceFile file, StreamingOutput body) {
        String safeName = file.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(body, file.contentType())
                .header("Content-Length", file.size())
                .header("Content-Disposition", "attachment; filename=\"" + safeName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + file.sha256())
                .header("ETag", "\"" + file.sha256() + "\"")
                .build();
    }
}
