package dev.greenlight.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;
import dev.greenlight.release.ReleaseView;

/** The release page says when a freeze covers an unpublished release now, until when, and the one way through. */
@ApplicationScoped
class FreezeSection implements ReleaseSection {
    private final FreezeService freezes;
    private final EmergencyService emergencies;
    private final Clock clock;

    @Inject
    FreezeSection(FreezeService freezes, EmergencyService emergencies, Clock clock) {
        this.freezes = freezes;
        this.emergencies = emergencies;
        this.clock = clock;
    }

    /** One covering occurrence as the page says it. */
    public record Covering(long windowId, String reason, String scope, String until) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(List<Covering> freezes, boolean emergencyApproved);
    }

    @Override
    public Placement placement() {
        return Placement.REQUIREMENTS;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        if (!page.release().state().isOpen()) {
            return Optional.empty();
        }
        List<Covering> covering = freezes.coveringPackages(
                page.facts().packages().stream().map(ReleaseView.PackageChange::name).toList(), clock.instant())
                .stream()
                .map(f -> new Covering(f.window().id(), f.window().reason(), f.window().scopeText(),
                        FreezeGuard.until(f.occurrence())))
                .toList();
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        boolean emergency = emergencies.approvedFor(page.releaseId()).isPresent();
        return Optional.of(new RawString(Templates.section(covering, emergency).render()));
    }
}
