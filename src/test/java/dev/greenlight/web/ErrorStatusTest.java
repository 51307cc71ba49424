package dev.greenlight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.greenlight.common.ConflictException;
import dev.greenlight.common.DomainException;
import dev.greenlight.common.ForbiddenActionException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.PayloadTooLargeException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.release.IllegalTransitionException;
import dev.greenlight.release.ReleaseAction;
import dev.greenlight.release.ReleaseState;

class ErrorStatusTest {

    @Test
    void eachKindOfRefusalHasOneStatusAndSubtypesInheritIt() {
        assertThat(ErrorMappers.statusOf(new InvalidInputException("title", "must not be blank"))).isEqualTo(400);
        assertThat(ErrorMappers.statusOf(new ForbiddenActionException("only maintainers"))).isEqualTo(403);
        assertThat(ErrorMappers.statusOf(new ResourceNotFoundException("release", 7))).isEqualTo(404);
        assertThat(ErrorMappers.statusOf(new ConflictException("already published"))).isEqualTo(409);
        assertThat(ErrorMappers.statusOf(new IllegalTransitionException(ReleaseState.DRAFT, ReleaseAction.PUBLISH)))
                .isEqualTo(409);
        assertThat(ErrorMappers.statusOf(new PayloadTooLargeException(1024))).isEqualTo(413);
    }

    @Test
    void aKindWithoutAStatusIsAProgrammingErrorNotASilent500() {
        DomainException unmapped = new DomainException("new kind", List.of()) {
            @Override
            public String title() {
                return "New kind";
            }
        };
        assertThatThrownBy(() -> ErrorMappers.statusOf(unmapped)).isInstanceOf(IllegalArgumentException.class);
    }
}
