package dev.greenlight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import dev.greenlight.testsupport.Routes;

/** Every page action says what it reads: a form, or a multipart form where files are uploaded; anything else is 415. */
class PageActionsTest {
    private static final Set<String> FORMS = Set.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA);

    @Test
    void everyPageActionConsumesFormsOnly() {
        List<Routes.Route> routes = Routes.pageActions();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(37);
        for (Routes.Route route : routes) {
            Consumes consumes = route.handler().getAnnotation(Consumes.class);
            if (consumes == null) {
                consumes = route.handler().getDeclaringClass().getAnnotation(Consumes.class);
            }
            assertThat(consumes).as("@Consumes on %s", route).isNotNull();
            assertThat(consumes.value()).as("%s consumes", route).isNotEmpty().allMatch(FORMS::contains);
        }
    }
}
