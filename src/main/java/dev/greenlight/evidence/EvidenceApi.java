package dev.greenlight.evidence;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evidence files, as recorded, for auditors and tools. */
@Path("/api/v1/evidence")
@Tag(name = "Evidence", description = "Evidence files behind gate results and post-release checks")
class EvidenceApi {
    private final EvidenceStore evidence;

    @Inject
    EvidenceApi(EvidenceStore evidence) {
        this.evidence = evidence;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an evidence file, with its SHA-256 as Repr-Digest, Digest and ETag")
    public Response download(@PathParam("id") long id) {
        return evidence.downloadResponse(null, id);
    }
}
