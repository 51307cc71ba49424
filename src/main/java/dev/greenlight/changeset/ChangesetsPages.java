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
import dev.greenlight.common.Decision;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.Actor;

@Path("/changesets")
@Produces(MediaType.TEXT_HTML)
class ChangesetsPages {
    private final ChangesetService changesets;
    private final CurrentUser user;

    @Inject
    ChangesetsPages(ChangesetService changesets, CurrentUser user) {
        this.changesets = changesets;
        this.user = user;
    }

    record SubmitForm(String fileName, String content) {
    }

    /** A pending changeset with whether the viewer may remove it. */
    record Pending(ChangesetView changeset, Decision remove) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Pending> pending, Decision submit, SubmitForm form,
                List<FieldError> errors, String nav);
    }

    @GET
    public TemplateInstance list() {
        return page(new SubmitForm("", ""), List.of());
    }

    /** A pasted Changesets file, uploaded files, or both. */
    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER, Roles.CI})
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response submit(@RestForm String fileName, @RestForm String content, @RestForm("files") List<FileUpload> uploads) {
        // the role first: nothing a caller who may not submit sent is read
        changesets.requireSubmitter(user.actor());
        SubmitForm form = new SubmitForm(fileName, content);
        try {
            if (uploads != null && uploads.size() > Limits.MAX_CHANGESETS) {
                throw new InvalidInputException("files",
                        "choose at most " + Limits.MAX_CHANGESETS + " files at once");
            }
            List<ChangesetService.ChangesetFile> files = new ArrayList<>();
            if (content != null && !content.isBlank()) {
                String name = fileName == null || fileName.isBlank() ? "" : fileName.strip();
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
                files.add(new ChangesetService.ChangesetFile(upload.fileName(), Files.readString(upload.filePath())));
            }
            if (files.isEmpty()) {
                throw new InvalidInputException("content", "paste a changeset or choose .md files to upload");
            }
            List<ChangesetView> stored = changesets.submitFiles(user.actor(), files);
            return Flash.redirect(URI.create("/changesets"), stored.size() == 1
                    ? "Changeset " + stored.get(0).id() + " submitted."
                    : stored.size() + " changesets submitted.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(form, e.errors())).build();
        } catch (IOException e) {
            return Response.status(400)
                    .entity(page(form, List.of(new FieldError("files", "the upload could not be read"))))
                    .build();
        }
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/delete")
    public Response remove(@PathParam("id") String id) {
        changesets.remove(user.actor(), id);
        return Flash.redirect(URI.create("/changesets"), "Changeset " + id + " removed.");
    }

    private TemplateInstance page(SubmitForm form, List<FieldError> errors) {
        Actor viewer = user.actor();
        List<Pending> pending = changesets.pending()
                .stream()
                .map(c -> new Pending(c, ChangesetPermissions.remove(viewer, c.author())))
                .toList();
        return Templates.list(pending, ChangesetPermissions.submit(viewer), form, errors, "changesets");
    }
}
