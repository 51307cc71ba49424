package dev.greenlight.adr;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;

/** The release page's "ADR references": what the release relies on, and the way to add one. */
@ApplicationScoped
class AdrSection implements ReleaseSection {
    private final AdrService adrs;

    @Inject
    AdrSection(AdrService adrs) {
        this.adrs = adrs;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(long releaseId, List<AdrReference> adrs, Decision add);
    }

    @Override
    public Placement placement() {
        return Placement.RECORDS;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        Decision add = AdrPermissions.add(page.viewer(), page.release().createdBy());
        return Optional.of(new RawString(Templates.section(page.releaseId(), adrs.of(page.releaseId()), add).render()));
    }
}
