package dev.greenlight.bundle;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.security.CurrentUser;

/** A release's evidence bundle for scripts (bearer token): {@code GET /api/v1/releases/{id}/evidence-bundle}. */
@Path("/api/v1/releases/{id}/evidence-bundle")
@Tag(name = "Evidence", description = "Evidence files behind gate results and post-release checks")
class EvidenceBundleApi {
    static final String ZIP = "application/zip";

    private final EvidenceBundle bundle;
    private final CurrentUser user;

    @Inject
    EvidenceBundleApi(EvidenceBundle bundle, CurrentUser user) {
        this.bundle = bundle;
        this.user = user;
    }

    @GET
    @Produces(ZIP)
    @Operation(summary = "The release's evidence bundle: summary, data, evidence files and their checksums (ZIP)")
    public Response get(@PathParam("id") long id) {
        return zip(bundle, user, id);
    }

    /** Reads the snapshot first (a missing release is a 404 before any byte is sent), then streams the ZIP. */
    static Response zip(EvidenceBundle bundle, CurrentUser user, long releaseId) {
        List<EvidenceBundle.Entry> entries = bundle.entries(user.actor(), releaseId);
        StreamingOutput body = out -> EvidenceBundle.write(entries, out);
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + EvidenceBundle.fileName(releaseId) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
