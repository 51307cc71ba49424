package dev.greenlight.gate;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** CI reports gate results: the measured value and its evidence; Greenlight decides pass or fail. */
@Path("/api/v1/releases/{id}/gates")
@Produces(MediaType.APPLICATION_JSON)
class GatesApi {
    private final GateService gates;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    GatesApi(GateService gates, ReleaseService releases, CurrentUser user) {
        this.gates = gates;
        this.releases = releases;
        this.user = user;
    }

    /**
     * {"value": 87.5, "evidence": {"url": "https://ci.example/run/42"}, "note": "…"}; a "passed" field is ignored. The
     * value is read as written ({@link MeasuredValue}).
     */
    record GateReport(@JsonDeserialize(using = MeasuredValue.AsWritten.class) String value, EvidenceLink evidence,
            String note) {
    }

    record EvidenceLink(String url) {
    }

    @GET
    public List<GateStatus> list(@PathParam("id") long id) {
        return gates.status(releases.facts(id));
    }

    @POST
    @Path("/{gate}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER, Roles.SECURITY_TEAM})
    public Response report(@PathParam("id") long id, @PathParam("gate") String gate, GateReport report) {
        if (report == null) {
            throw new InvalidInputException("value", "send the measured value and its evidence");
        }
        GateService.EvidenceInput evidence = report.evidence() == null
                ? null
                : GateService.EvidenceInput.link(report.evidence().url());
        return Response.status(201)
                .entity(gates.record(user.actor(), id, gate, MeasuredValue.parse("value", report.value()), evidence,
                        report.note()))
                .build();
    }

    /** The same with an uploaded evidence file (multipart: value, note, file). */
    @POST
    @Path("/{gate}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER, Roles.SECURITY_TEAM})
    public Response reportWithFile(@PathParam("id") long id, @PathParam("gate") String gate,
            @RestForm String value, @RestForm String note, @RestForm String url, @RestForm("file") FileUpload file) {
        GateService.EvidenceInput evidence = null;
        if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
            evidence = GateService.EvidenceInput.file(file.fileName(), file.contentType(), file.filePath());
        } else if (url != null && !url.isBlank()) {
            evidence = GateService.EvidenceInput.link(url);
        }
        return Response.status(201)
                .entity(gates.record(user.actor(), id, gate, MeasuredValue.parse("value", value), evidence, note))
                .build();
    }
}
