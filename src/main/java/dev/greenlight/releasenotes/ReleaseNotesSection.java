package dev.greenlight.releasenotes;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;

/**
 * The release page's "Release notes": links to the GitHub-style text to copy and to each package's public notes page.
 * Shown once the release is published; before that there is nothing to announce. The text itself is on its own page,
 * so that the release page reads nothing more for it.
 */
@ApplicationScoped
class ReleaseNotesSection implements ReleaseSection {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(long releaseId, List<String> packages);
    }

    @Override
    public Placement placement() {
        return Placement.RECORDS;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        if (!ReleaseNotesPermissions.read(page.viewer(), page.releaseId(), page.release().state()).allowed()) {
            return Optional.empty();
        }
        List<String> packages = page.release().packages().stream().map(p -> p.name()).toList();
        return Optional.of(new RawString(Templates.section(page.releaseId(), packages).render()));
    }
}
