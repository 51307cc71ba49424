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
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

@Path("/packages")
@Produces(MediaType.TEXT_HTML)
class PackagesPages {
    /** The one package the form sends, as the service names it. */
    private static final String FORM_PACKAGE = "packages[0].";

    private final WorkspaceService workspace;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    PackagesPages(WorkspaceService workspace, Inputs inputs, CurrentUser user) {
        this.workspace = workspace;
        this.inputs = inputs;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PackageManifest> packages, Decision edit, PackageInput form,
                List<FieldError> errors, String nav);
    }

    @GET
    public TemplateInstance list() {
        return page(new PackageInput("", "", "", "", ""), List.of());
    }

    @POST
    @RolesAllowed({Roles.MAINTAINER, Roles.ADMIN, Roles.CI})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String name, @RestForm String version, @RestForm String dependencies,
            @RestForm String devDependencies, @RestForm String peerDependencies) {
        PackageInput form = new PackageInput(name, version, dependencies, devDependencies, peerDependencies);
        return Forms.submit(() -> {
            inputs.check(form);
            PackageManifest manifest = new PackageManifest(form.name().strip(), form.version().strip(),
                    ranges("dependencies", form.dependencies()), ranges("devDependencies", form.devDependencies()),
                    ranges("peerDependencies", form.peerDependencies()));
            workspace.save(user.actor(), List.of(manifest));
            return Flash.redirect(URI.create("/packages"), "Package " + manifest.name() + " saved.");
        }, errors -> page(form, errors.stream().map(PackagesPages::onForm).toList()));
    }

    private TemplateInstance page(PackageInput form, List<FieldError> errors) {
        return Templates.list(workspace.manifests(), WorkspacePermissions.edit(user.actor()), form, errors, "packages");
    }

    /**
     * The service names fields as the API sends them ("packages[0].dependencies.react"); the form has one package,
     * so its message goes beside the field it came from ("dependencies").
     */
    static FieldError onForm(FieldError error) {
        String field = error.field();
        if (field == null || !field.startsWith(FORM_PACKAGE)) {
            return error;
        }
        String rest = field.substring(FORM_PACKAGE.length());
        int dot = rest.indexOf('.');
        return new FieldError(dot < 0 ? rest : rest.substring(0, dot), error.message());
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
