package dev.greenlight.evidence;

/** An evidence file as it is downloaded; its bytes stream from {@link EvidenceStore#open(EvidenceFile)}. */
public record EvidenceFile(long id, String fileName, String contentType, String sha256, long size) {
}
