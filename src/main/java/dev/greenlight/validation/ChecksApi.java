package dev.greenlight.validation;

import java.math.BigDecimal;
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
import dev.greenlight.gate.GateService;
import dev.greenlight.gate.MeasuredValue;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** CI reports post-release checks: the measured value and its evidence; Greenlight decides pass or fail. */
@Path("/api/v1/releases/{id}/checks")
@Produces(MediaType.APPLICATION_JSON)
class ChecksApi {
    private final ValidationService validation;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    ChecksApi(ValidationService validation, ReleaseService releases, CurrentUser user) {
        this.validation = validation;
        this.releases = releases;
        this.user = user;
    }

    /**
     * {"value": 0.4, "evidence": {"url": "https://grafana.example/d/1"}, "note": "…"}; a "passed" field is ignored. The
     * value is read as written ({@link MeasuredValue}).
     */
    record CheckReport(@JsonDeserialize(using = MeasuredValue.AsWritten.class) String value, EvidenceLink evidence,
            String note) {
    }

    record EvidenceLink(String url) {
    }

    @GET
    public List<CheckStatus> list(@PathParam("id") long id) {
        releases.get(id);
        return validation.status(id);
    }

    @POST
    @Path("/{check}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    public Response report(@PathParam("id") long id, @PathParam("check") String check, CheckReport report) {
        if (report == null) {
            throw new InvalidInputException("value", "send the measured value and its evidence");
        }
        GateService.EvidenceInput evidence = report.evidence() == null
                ? null
                : GateService.EvidenceInput.link(report.evidence().url());
        return Response.status(201)
                .entity(validation.record(user.actor(), id, check, MeasuredValue.parse("value", report.value()),
                        evidence,
                        report.note()))
                .build();
    }

    /** The same with an uploaded evidence file (multipart: value, note, url or file). */
    @POST
    @Path("/{check}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    public Response reportWithFile(@PathParam("id") long id, @PathParam("check") String check,
            @RestForm String value, @RestForm String note, @RestForm String url, @RestForm("file") FileUpload file) {
        return Response.status(201)
                .entity(validation.record(user.actor(), id, check, number(value), evidence(url, file), note))
                .build();
    }

    /** A link or an uploaded file, or null for neither. */
    static GateService.EvidenceInput evidence(String url, FileUpload file) {
        if (file != null && file.fileName() != null && !file.fileName().isBlank() && file.size() > 0) {
            return GateService.EvidenceInput.file(file.fileName(), file.contentType(), file.filePath());
        }
        if (url != null && !url.isBlank()) {
            return GateService.EvidenceInput.link(url);
        }
        return null;
    }

    static BigDecimal number(String value) {
        return MeasuredValue.parse("value", value);
    }
}
