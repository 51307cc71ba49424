package dev.greenlight.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.greenlight.common.ConflictException;
import dev.greenlight.security.Role;

class ReleaseStateTest {
    /** The whole transition table; anything absent must be refused. */
    private static final Map<ReleaseState, Map<ReleaseAction, ReleaseState>> TRANSITIONS = Map.of(
            ReleaseState.DRAFT, Map.of(
                    ReleaseAction.SUBMIT, ReleaseState.IN_REVIEW,
                    ReleaseAction.CANCEL, ReleaseState.CANCELLED,
                    ReleaseAction.DECLINE, ReleaseState.REJECTED),
            ReleaseState.IN_REVIEW, Map.of(
                    ReleaseAction.APPROVE, ReleaseState.APPROVED,
                    ReleaseAction.REJECT, ReleaseState.DRAFT,
                    ReleaseAction.CANCEL, ReleaseState.CANCELLED,
                    ReleaseAction.DECLINE, ReleaseState.REJECTED),
            ReleaseState.APPROVED, Map.of(
                    ReleaseAction.PUBLISH, ReleaseState.PUBLISHED,
                    ReleaseAction.INVALIDATE, ReleaseState.IN_REVIEW,
                    ReleaseAction.CANCEL, ReleaseState.CANCELLED,
                    ReleaseAction.DECLINE, ReleaseState.REJECTED),
            ReleaseState.PUBLISHED, Map.of(
                    ReleaseAction.VALIDATE, ReleaseState.VALIDATED,
                    ReleaseAction.ROLL_BACK, ReleaseState.ROLLED_BACK),
            ReleaseState.VALIDATED, Map.of(
                    ReleaseAction.ROLL_BACK, ReleaseState.ROLLED_BACK),
            ReleaseState.ROLLED_BACK, Map.of(),
            ReleaseState.REJECTED, Map.of(),
            ReleaseState.CANCELLED, Map.of());

    @ParameterizedTest
    @EnumSource(ReleaseState.class)
    void everyStateAllowsExactlyItsTransitions(ReleaseState state) {
        Map<ReleaseAction, ReleaseState> allowed = TRANSITIONS.get(state);
        for (ReleaseAction action : ReleaseAction.values()) {
            if (allowed.containsKey(action)) {
                assertThat(state.next(action)).as("%s --%s-->", state, action).isEqualTo(allowed.get(action));
                assertThat(state.allows(action)).isTrue();
            } else {
                assertThatThrownBy(() -> state.next(action)).as("%s --%s-->", state, action)
                        .isInstanceOf(IllegalTransitionException.class);
                assertThat(state.allows(action)).isFalse();
            }
        }
        assertThat(state.allowedActions()).isEqualTo(allowed.isEmpty()
                ? EnumSet.noneOf(ReleaseAction.class)
                : EnumSet.copyOf(allowed.keySet()));
    }

    @Test
    void rolledBackRejectedAndCancelledAreTerminal() {
        assertThat(EnumSet.allOf(ReleaseState.class).stream().filter(ReleaseState::isTerminal))
                .containsExactlyInAnyOrder(ReleaseState.ROLLED_BACK, ReleaseState.REJECTED, ReleaseState.CANCELLED);
    }

    @Test
    void refusalSaysWhatAndWhy() {
        assertThatThrownBy(() -> ReleaseState.DRAFT.next(ReleaseAction.PUBLISH))
                .hasMessage("A release that is draft cannot be published.")
                .satisfies(e -> {
                    IllegalTransitionException refusal = (IllegalTransitionException) e;
                    assertThat(refusal.from()).isEqualTo(ReleaseState.DRAFT);
                    assertThat(refusal.action()).isEqualTo(ReleaseAction.PUBLISH);
                    assertThat(refusal).isInstanceOf(ConflictException.class);
                });
    }

    @Test
    void onlyOpenReleasesMayChangeContent() {
        assertThat(EnumSet.allOf(ReleaseState.class).stream().filter(ReleaseState::isOpen))
                .containsExactlyInAnyOrder(ReleaseState.DRAFT, ReleaseState.IN_REVIEW, ReleaseState.APPROVED);
    }

    @Test
    void systemActionsHaveNoHumanPerformers() {
        assertThat(EnumSet.allOf(ReleaseAction.class).stream().filter(ReleaseAction::isSystem))
                .containsExactlyInAnyOrder(ReleaseAction.APPROVE, ReleaseAction.INVALIDATE, ReleaseAction.VALIDATE);
    }

    @Test
    void onlyMaintainersPublish() {
        assertThat(ReleaseAction.PUBLISH.performers()).isEqualTo(Set.of(Role.MAINTAINER));
    }
}
