package dev.greenlight.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.greenlight.common.InvalidInputException;

class EmergencyStateTest {

    @Test
    void theHappyPathIsRequestAssessApprovePublish() {
        EmergencyState state = EmergencyState.REQUESTED;
        state = state.next(EmergencyAction.ASSESS);
        assertThat(state).isEqualTo(EmergencyState.ASSESSED);
        state = state.next(EmergencyAction.APPROVE);
        assertThat(state).isEqualTo(EmergencyState.APPROVED);
        assertThat(state.next(EmergencyAction.PUBLISH)).isEqualTo(EmergencyState.PUBLISHED);
    }

    @Test
    void assessorsDeclineAndLeadersDeny() {
        assertThat(EmergencyState.REQUESTED.next(EmergencyAction.DECLINE)).isEqualTo(EmergencyState.DECLINED);
        assertThat(EmergencyState.ASSESSED.next(EmergencyAction.DENY)).isEqualTo(EmergencyState.DENIED);
    }

    @Test
    void changesetsChangedAfterApprovalSendItBackToTheLeaders() {
        assertThat(EmergencyState.APPROVED.next(EmergencyAction.REOPEN)).isEqualTo(EmergencyState.ASSESSED);
        assertThat(EmergencyState.PUBLISHED.allows(EmergencyAction.REOPEN)).isFalse();
    }

    @Test
    void aLeaderCannotApproveBeforeTheAssessment() {
        assertThatThrownBy(() -> EmergencyState.REQUESTED.next(EmergencyAction.APPROVE))
                .isInstanceOf(IllegalEmergencyTransitionException.class)
                .hasMessage("An emergency request that is requested cannot be approved.");
    }

    @ParameterizedTest
    @EnumSource(EmergencyState.class)
    void everyStateAllowsExactlyItsTransitions(EmergencyState state) {
        Set<EmergencyAction> expected = switch (state) {
            case REQUESTED -> EnumSet.of(EmergencyAction.ASSESS, EmergencyAction.DECLINE);
            case ASSESSED -> EnumSet.of(EmergencyAction.APPROVE, EmergencyAction.DENY);
            case APPROVED -> EnumSet.of(EmergencyAction.PUBLISH, EmergencyAction.REOPEN);
            case DECLINED, DENIED, PUBLISHED -> EnumSet.noneOf(EmergencyAction.class);
        };
        for (EmergencyAction action : EmergencyAction.values()) {
            assertThat(state.allows(action)).as(state + " " + action).isEqualTo(expected.contains(action));
        }
        assertThat(state.isTerminal()).isEqualTo(expected.isEmpty());
    }

    @Test
    void onlyTheFourCriteriaQualify() {
        assertThat(Criterion.parse("service-outage")).isEqualTo(Criterion.SERVICE_OUTAGE);
        assertThat(Criterion.parse("SECURITY_VULNERABILITY")).isEqualTo(Criterion.SECURITY_VULNERABILITY);
        assertThatThrownBy(() -> Criterion.parse("feature-request")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field())
                        .isEqualTo("criterion"));
        assertThatThrownBy(() -> Criterion.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
