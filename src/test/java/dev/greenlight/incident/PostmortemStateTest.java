package dev.greenlight.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostmortemStateTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "DRAFT, EDIT, DRAFT",
            "DRAFT, SUBMIT, IN_REVIEW",
            "IN_REVIEW, REQUEST_CHANGES, DRAFT",
            "IN_REVIEW, SIGN_OFF, IN_REVIEW",
            "IN_REVIEW, PUBLISH, PUBLISHED"})
    void allowedTransitions(PostmortemState from, PostmortemAction action, PostmortemState to) {
        assertThat(from.next(action)).isEqualTo(to);
        assertThat(from.allows(action)).isTrue();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource({
            "DRAFT, REQUEST_CHANGES",
            "DRAFT, SIGN_OFF",
            "DRAFT, PUBLISH",
            "IN_REVIEW, EDIT",
            "IN_REVIEW, SUBMIT",
            "PUBLISHED, EDIT",
            "PUBLISHED, SUBMIT",
            "PUBLISHED, REQUEST_CHANGES",
            "PUBLISHED, SIGN_OFF",
            "PUBLISHED, PUBLISH"})
    void refusedTransitions(PostmortemState from, PostmortemAction action) {
        assertThat(from.allows(action)).isFalse();
        assertThatThrownBy(() -> from.next(action)).isInstanceOf(IllegalPostmortemTransitionException.class)
                .hasMessageStartingWith("A post-mortem that is " + from.label().toLowerCase() + " cannot be");
    }

    @Test
    void everyPairIsDecided() {
        int allowed = 0;
        for (PostmortemState state : PostmortemState.values()) {
            for (PostmortemAction action : PostmortemAction.values()) {
                if (state.allows(action)) {
                    allowed++;
                }
            }
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void editingInReviewSaysHowToGetBackToDraft() {
        assertThatThrownBy(() -> PostmortemState.IN_REVIEW.next(PostmortemAction.EDIT))
                .hasMessageContaining("send it back to draft");
    }
}
