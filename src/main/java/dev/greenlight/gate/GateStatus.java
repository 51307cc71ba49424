package dev.greenlight.gate;

import java.math.BigDecimal;
import java.time.Instant;

/** Where one gate of a release stands now. */
public record GateStatus(Gate gate, State state, String threshold, BigDecimal measured, String detail,
        EvidenceView evidence, String recordedBy, Instant recordedAt) {

    public enum State {
        PASSED,
        FAILED,
        /** Never reported, or reported for an earlier content of the release. */
        MISSING,
        /** Waived for this release by someone with the authority, with a reason (an emergency). */
        BYPASSED
    }

    /** Evidence as pages and the API show it: no content. */
    public record EvidenceView(long id, String kind, String url, String fileName, String contentType, Long sizeBytes,
            String sha256) {
    }

    public boolean isPassed() { return state == State.PASSED; }

    /** Passed, or bypassed with a reason by someone with the authority: it no longer holds the release back. */
    public boolean isSatisfied() {
        return state == State.PASSED || state == State.BYPASSED;
    }
}
