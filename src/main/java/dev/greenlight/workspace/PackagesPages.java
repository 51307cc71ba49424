package dev.greenlight.workspace;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.RequiredFields;

@Path("/packages")
@Produces(MediaType.TEXT_HTML)
class PackagesPages {
    private final WorkspaceService workspace;
    private final CurrentUser user;

    @Inject
    PackagesPages(WorkspaceService workspace, CurrentUser user) {
        this.workspace = workspace;
        this.user = user;
    }

    /** Dependencies are typed one per line, "name range", as in a lock-step with package.json. */
    record PackageForm(String name, String version, String dependencies, String devDependencies,
            String peerDependencies) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PackageManifest> packages, Decision edit, PackageForm form,
                List<FieldError> errors, String nav);
    }

    @GET
    public TemplateInstance list() {
        return page(new PackageForm("", "", "", "", ""), List.of());
    }

    @POST
    @RolesAllowed({Roles.MAINTAINER, Roles.ADMIN, Roles.CI})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String name, @RestForm String version, @RestForm String dependencies,
            @RestForm String devDependencies, @RestForm String peerDependencies) {
        PackageForm form = new PackageForm(name, version, dependencies, devDependencies, peerDependencies);
        try {
            RequiredFields.of("dependencies", dependencies)
                    .and("devDependencies", devDependencies)
                    .and("peerDependencies", peerDependencies)
                    .check();
            PackageManifest manifest = new PackageManifest(trim(name), trim(version),
                    ranges("dependencies", dependencies), ranges("devDependencies", devDependencies),
                    ranges("peerDependencies", peerDependencies));
            workspace.save(user.actor(), List.of(manifest));
            return Flash.redirect(URI.create("/packages"), "Package " + manifest.name() + " saved.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(form, e.errors())).build();
        }
    }

    private TemplateInstance page(PackageForm form, List<FieldError> errors) {
        return Templates.list(workspace.manifests(), WorkspacePermissions.edit(user.actor()), form, errors, "packages");
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    /** "@neuronx/core ^1.2.0" per line. */
    static Map<String, String> ranges(String field, String text) {
        Map<String, String> ranges = new LinkedHashMap<>();
        if (text == null) {
            return ranges;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                throw new InvalidInputException(field,
                        "line " + (i + 1) + " must be a package name and a range, such as \"@neuronx/core ^1.2.0\"");
            }
            ranges.put(parts[0], parts[1]);
        }
        return ranges;
    }
}
