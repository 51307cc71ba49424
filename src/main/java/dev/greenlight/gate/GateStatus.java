package dev.greenlight.gate;

import java.math.BigDecimal;
import java.time.Instant;

import dev.greenlight.evidence.EvidenceView;

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

    public boolean isPassed() { return state == State.PASSED; }

    /** Passed, or bypassed with a reason by someone with the authority: it no longer holds the release back. */
    public boolean isSatisfied() {
        return state == State.PASSED || state == State.BYPASSED;
    }
}
