package dev.greenlight.gate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Evidence files, as recorded, for auditors and tools. */
@Path("/api/v1/evidence")
class EvidenceApi {
    private final GateService gates;

    @Inject
    EvidenceApi(GateService gates) {
        this.gates = gates;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") long id) {
        return gates.downloadResponse(null, id);
    }
}
