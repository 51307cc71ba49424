package dev.greenlight.workspace;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.Limits;

/**
 * A package as the packages page's form sends it: dependencies typed one "name range" per line. The form always sends
 * every field, even empty; what a name, version or range must look like is the service's rule, shared with the API.
 */
record PackageInput(
        @NotNull(message = Inputs.MISSING) @Size(max = Limits.MAX_PACKAGE_NAME_CHARS, message = "must be at most {max} characters") String name,
        @NotNull(message = Inputs.MISSING) @Size(max = Limits.MAX_VERSION_CHARS, message = "must be at most {max} characters") String version,
        @NotNull(message = Inputs.MISSING) @Size(max = Limits.DEPENDENCIES_TEXT_CHARS, message = "must be at most {max} characters") String dependencies,
        @NotNull(message = Inputs.MISSING) @Size(max = Limits.DEPENDENCIES_TEXT_CHARS, message = "must be at most {max} characters") String devDependencies,
        @NotNull(message = Inputs.MISSING) @Size(max = Limits.DEPENDENCIES_TEXT_CHARS, message = "must be at most {max} characters") String peerDependencies) {
}
