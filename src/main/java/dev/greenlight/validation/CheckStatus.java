package dev.greenlight.validation;

import java.math.BigDecimal;
import java.time.Instant;

import dev.greenlight.evidence.EvidenceView;

/** Where one post-release check of a release stands now: its latest result, or missing. */
public record CheckStatus(Check check, String label, State state, String threshold, BigDecimal measured,
        String note, EvidenceView evidence, String recordedBy, Instant recordedAt) {

    public enum State {
        PASSED,
        FAILED,
        MISSING
    }

    public boolean isPassed() { return state == State.PASSED; }

    public boolean isFailed() { return state == State.FAILED; }
}
