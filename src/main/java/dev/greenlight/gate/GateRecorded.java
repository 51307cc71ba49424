package dev.greenlight.gate;

import java.math.BigDecimal;

/** A gate result was recorded for a release; fired inside the recording transaction. */
public record GateRecorded(long releaseId, String releaseTitle, Gate gate, boolean passed, BigDecimal measured,
        String threshold, String actor) {
}
