package dev.greenlight.changeset;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Limits;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.common.FieldError;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;
import dev.greenlight.common.Decision;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.Actor;

@Path("/changesets")
@Produces(MediaType.TEXT_HTML)
class ChangesetsPages {
    private final ChangesetService changesets;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    ChangesetsPages(ChangesetService changesets, Inputs inputs, CurrentUser user) {
        this.changesets = changesets;
        this.inputs = inputs;
        this.user = user;
    }

    /** A pending changeset with whether the viewer may remove it. */
    record Pending(ChangesetView changeset, Decision remove) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Pending> pending, Decision submit, ChangesetForm form,
                List<FieldError> errors, List<FieldError> fieldErrors, String nav);
    }

    @GET
    public TemplateInstance list() {
        return page(new ChangesetForm("", ""), List.of());
    }

    /** A pasted Changesets file, uploaded files, or both. */
    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER, Roles.CI})
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response submit(@RestForm String fileName, @RestForm String content, @RestForm("files") List<FileUpload> uploads) {
        // the role first: nothing a caller who may not submit sent is read
        changesets.requireSubmitter(user.actor());
        ChangesetForm form = new ChangesetForm(fileName, content);
        return Forms.submit(() -> {
            inputs.check(form);
            if (uploads != null && uploads.size() > Limits.MAX_CHANGESETS) {
                throw new InvalidInputException("files", "choose at most " + Limits.MAX_CHANGESETS + " files at once");
            }
            List<ChangesetService.ChangesetFile> files = new ArrayList<>();
            if (form.pasted()) {
                String name = fileName == null ? "" : fileName.strip();
                if (name.isEmpty()) {
                    throw new InvalidInputException("fileName", "name the file, for example brave-cats.md");
                }
                files.add(new ChangesetService.ChangesetFile(name.endsWith(".md") ? name : name + ".md", content));
            }
            for (FileUpload upload : uploads == null ? List.<FileUpload>of() : uploads) {
                if (upload.fileName() == null || upload.fileName().isBlank() || upload.size() == 0) {
                    continue;
                }
                if (upload.size() > Limits.MAX_FILE_BYTES) {
                    throw new InvalidInputException("files", upload.fileName() + " is larger than 64 KiB");
                }
                files.add(new ChangesetService.ChangesetFile(upload.fileName(), read(upload)));
            }
            if (files.isEmpty()) {
                throw new InvalidInputException("content", "paste a changeset or choose .md files to upload");
            }
            List<ChangesetView> stored = changesets.submitFiles(user.actor(), files);
            return Flash.redirect(URI.create("/changesets"), stored.size() == 1
                    ? "Changeset " + stored.get(0).id() + " submitted."
                    : stored.size() + " changesets submitted.");
        }, errors -> page(form, errors));
    }

    private static String read(FileUpload upload) {
        try {
            return Files.readString(upload.filePath());
        } catch (IOException e) {
            throw new InvalidInputException("files", "the upload could not be read");
        }
    }

    /**
     * The service names each file as the API does ("files[0].content"); beside the form's fields, the pasted file
     * (always the first) is its file name and content, and every uploaded one is the upload control.
     */
    static FieldError onForm(ChangesetForm form, FieldError error) {
        String field = error.field();
        if (field == null || !field.startsWith("files[")) {
            return error;
        }
        if (form.pasted() && field.startsWith("files[0]")) {
            return new FieldError(field.equals("files[0].name") ? "fileName" : "content", error.message());
        }
        return new FieldError("files", error.message());
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/delete")
    public Response remove(@PathParam("id") String id) {
        changesets.remove(user.actor(), id);
        return Flash.redirect(URI.create("/changesets"), "Changeset " + id + " removed.");
    }

    /** The summary names each field as the service did; the messages beside the fields use the form's names. */
    private TemplateInstance page(ChangesetForm form, List<FieldError> errors) {
        Actor viewer = user.actor();
        List<Pending> pending = changesets.pending()
                .stream()
                .map(c -> new Pending(c, ChangesetPermissions.remove(viewer, c.author())))
                .toList();
        return Templates.list(pending, ChangesetPermissions.submit(viewer), form, errors,
                errors.stream().map(e -> onForm(form, e)).toList(), "changesets");
    }
}
