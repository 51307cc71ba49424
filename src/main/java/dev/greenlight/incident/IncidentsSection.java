package dev.greenlight.incident;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.greenlight.security.Actor;
import dev.greenlight.security.CurrentUser;

/**
 * The "Incidents and post-mortems" section of the release page ({@code tags/releaseIncidents.html}): with it, the
 * page tells a release's whole story, from its changesets to the post-mortems of what went wrong.
 */
@ApplicationScoped
@Named("incidentsSection")
public class IncidentsSection {

    public record Section(long releaseId, List<IncidentView> incidents, List<PostmortemSummary> postmortems,
            boolean mayFile) {
    }

    private final IncidentService incidents;
    private final PostmortemService postmortems;
    private final CurrentUser user;

    @Inject
    IncidentsSection(IncidentService incidents, PostmortemService postmortems, CurrentUser user) {
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.user = user;
    }

    public Section of(long releaseId) {
        Actor actor = user.actor();
        List<IncidentView> touched = incidents.forRelease(actor, releaseId);
        return new Section(releaseId, touched, postmortems.ofReleaseStory(actor, releaseId, touched),
                incidents.mayFile(user.actor()));
    }
}
