package dev.greenlight.evidence;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The evidence files the release page links to; only the release's own evidence is found under it. */
@Path("/releases/{id}/evidence")
class EvidencePages {
    private final EvidenceStore evidence;

    @Inject
    EvidencePages(EvidenceStore evidence) {
        this.evidence = evidence;
    }

    @GET
    @Path("/{evidence}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") long id, @PathParam("evidence") long evidenceId) {
        return evidence.downloadResponse(id, evidenceId);
    }
}
