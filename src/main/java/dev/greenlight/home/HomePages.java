package dev.greenlight.home;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.common.Decision;
import dev.greenlight.emergency.EmergencyBoard;
import dev.greenlight.release.ReleasePermissions;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.CurrentUser;

/** The dashboard: where releases stand and what waits. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
class HomePages {
    private final ReleaseService releases;
    private final ChangesetService changesets;
    private final EmergencyBoard emergencies;
    private final CurrentUser user;

    @Inject
    HomePages(ReleaseService releases, ChangesetService changesets, EmergencyBoard emergencies, CurrentUser user) {
        this.releases = releases;
        this.changesets = changesets;
        this.emergencies = emergencies;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Map<ReleaseState, Long> counts, ReleaseService.ReleasePage recent,
                List<ChangesetView> pending, Decision createRelease, EmergencyBoard.Dashboard emergencies, String nav);
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(releases.countByState(), releases.search(null, null, 0, 8), changesets.pending(),
                ReleasePermissions.create(user.actor()), emergencies.dashboard(user.actor()), "");
    }
}
