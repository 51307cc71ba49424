package dev.greenlight.incident;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;
import dev.greenlight.security.Actor;

/**
 * The release page's "Incidents and post-mortems", once the release is published: with it, the page tells a release's
 * whole story, from its changesets to the post-mortems of what went wrong.
 */
@ApplicationScoped
class IncidentsSection implements ReleaseSection {
    private final IncidentService incidents;
    private final PostmortemService postmortems;

    @Inject
    IncidentsSection(IncidentService incidents, PostmortemService postmortems) {
        this.incidents = incidents;
        this.postmortems = postmortems;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(long releaseId, List<IncidentView> incidents,
                List<PostmortemSummary> postmortems, Decision file);
    }

    @Override
    public Placement placement() {
        return Placement.RECORDS;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        if (page.release().publication() == null) {
            return Optional.empty();
        }
        Actor actor = page.viewer();
        List<IncidentView> touched = incidents.forRelease(actor, page.releaseId());
        return Optional.of(new RawString(Templates.section(page.releaseId(), touched,
                postmortems.ofReleaseStory(actor, page.releaseId(), touched), IncidentPermissions.file(actor))
                .render()));
    }
}
