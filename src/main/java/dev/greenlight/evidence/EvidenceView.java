package dev.greenlight.evidence;

/** Evidence as pages and the API show it: no content. */
public record EvidenceView(long id, String kind, String url, String fileName, String contentType, Long sizeBytes,
        String sha256) {
}
