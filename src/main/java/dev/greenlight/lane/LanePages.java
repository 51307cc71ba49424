package dev.greenlight.lane;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.policy.StandardChangePolicy;
import dev.greenlight.security.CurrentUser;

/** "What would the standard-change rule have done" over the replay window. */
@Path("/policy/standard-change")
@Produces(MediaType.TEXT_HTML)
class LanePages {
    private final StandardChangeReplay replay;
    private final StandardChangePolicy policy;
    private final CurrentUser user;

    @Inject
    LanePages(StandardChangeReplay replay, StandardChangePolicy policy, CurrentUser user) {
        this.replay = replay;
        this.policy = policy;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance replay(StandardChangeReplay.Report report, StandardChangePolicy policy,
                String nav);
    }

    @GET
    public TemplateInstance show() {
        LanePermissions.replay(user.actor()).orThrow();
        return Templates.replay(replay.replay(), policy, "policy");
    }
}
