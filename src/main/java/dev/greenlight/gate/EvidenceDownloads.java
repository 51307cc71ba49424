package dev.greenlight.gate;

import jakarta.ws.rs.core.Response;

/** Evidence files go out as attachments so that a browser never renders them as part of the portal. */
final class EvidenceDownloads {

    private EvidenceDownloads() {
    }

    static Response response(GateService.EvidenceFile file) {
        String safeName = file.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + safeName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + file.sha256())
                .header("ETag", "\"" + file.sha256() + "\"")
                .build();
    }
}
