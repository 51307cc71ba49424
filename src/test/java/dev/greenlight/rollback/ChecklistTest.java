package dev.greenlight.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static Checklist checklist(StepState... states) {
        String[] ids = {"identify-issue", "stop-deployment", "revert-code", "database-rollback", "monitor"};
        return new Checklist(java.util.stream.IntStream.range(0, states.length)
                .mapToObj(i -> new Checklist.Item(ids[i], ids[i], ids[i].equals("database-rollback"), states[i],
                        states[i] == StepState.OPEN ? null : "max"))
                .toList());
    }

    private static final StepState O = StepState.OPEN;
    private static final StepState D = StepState.DONE;
    private static final StepState NA = StepState.NOT_APPLICABLE;

    @Test
    void onlyTheFirstOpenStepMayBeTicked() {
        Checklist fresh = checklist(O, O, O, O, O);
        assertThat(fresh.whyNotDo(0)).isNull();
        assertThat(fresh.whyNotDo(1)).contains("\"identify-issue\" comes first");
        assertThat(fresh.whyNotDo(4)).contains("\"identify-issue\" comes first");
        assertThat(fresh.next()).isZero();
    }

    @Test
    void aTickedStepCannotBeTickedAgainOrUnticked() {
        Checklist checklist = checklist(D, O, O, O, O);
        assertThat(checklist.whyNotDo(0)).contains("already ticked by max").contains("cannot be unticked");
        assertThat(checklist.whyNotSkip(0)).contains("already ticked");
        assertThat(checklist.whyNotDo(1)).isNull();
    }

    @Test
    void aSkippableStepStillNeedsADecisionBeforeTheNextOne() {
        Checklist checklist = checklist(D, D, D, O, O);
        assertThat(checklist.whyNotDo(4))
                .contains("\"database-rollback\" comes first (tick it, or mark it not applicable)");
        assertThat(checklist.whyNotSkip(3)).isNull();
        assertThat(checklist.whyNotDo(3)).isNull();
        assertThat(checklist(D, D, D, NA, O).whyNotDo(4)).isNull();
    }

    @Test
    void aRequiredStepCannotBeSkipped() {
        Checklist checklist = checklist(D, O, O, O, O);
        assertThat(checklist.whyNotSkip(1)).contains("cannot be skipped");
    }

    @Test
    void completeOnlyWhenEveryStepIsResolved() {
        assertThat(checklist(D, D, D, NA, O).isComplete()).isFalse();
        assertThat(checklist(D, D, D, NA, D).isComplete()).isTrue();
        assertThat(checklist(D, D, D, D, D).isComplete()).isTrue();
        assertThat(checklist(D, D, D, NA, D).next()).isEqualTo(-1);
        assertThat(new Checklist(List.of()).isComplete()).isTrue();
    }
}
