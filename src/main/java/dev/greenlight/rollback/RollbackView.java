package dev.greenlight.rollback;

import java.time.Instant;
import java.util.List;

/** A rollback as pages and the API show it. */
public record RollbackView(long id, long releaseId, RollbackState state, List<String> fromTags, List<String> toTags,
        String reason, Long incidentId, String incident, String startedBy, Instant startedAt, Instant completedAt,
        List<StepView> steps) {

    /** One checklist step: who ticked it and when. */
    public record StepView(int position, String step, String label, boolean skippable, StepState state, String note,
            String doneBy, Instant doneAt) {
    }

    public boolean isInProgress() { return state == RollbackState.IN_PROGRESS; }

    /** The step to tick next, or null when all are resolved. */
    public StepView nextStep() {
        return steps.stream().filter(s -> s.state() == StepState.OPEN).findFirst().orElse(null);
    }
}
