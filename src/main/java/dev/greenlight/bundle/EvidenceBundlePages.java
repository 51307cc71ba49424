package dev.greenlight.bundle;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import dev.greenlight.security.CurrentUser;

/** The same bundle for people signed in with the browser: the release page links here. */
@Path("/releases/{id}/evidence-bundle")
class EvidenceBundlePages {
    private final EvidenceBundle bundle;
    private final CurrentUser user;

    @Inject
    EvidenceBundlePages(EvidenceBundle bundle, CurrentUser user) {
        this.bundle = bundle;
        this.user = user;
    }

    @GET
    @Produces(EvidenceBundleApi.ZIP)
    public Response get(@PathParam("id") long id) {
        return EvidenceBundleApi.zip(bundle, user, id);
    }
}
