package dev.greenlight.emergency;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleasePageContext;
import dev.greenlight.release.ReleaseSection;

/** The release page's ways off the normal path: an admin asks for an override, the author for an emergency. */
@ApplicationScoped
class EmergencySection implements ReleaseSection {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance actions(long releaseId, Decision override, Decision emergency);
    }

    @Override
    public Placement placement() {
        return Placement.ACTIONS;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<RawString> render(ReleasePageContext page) {
        Decision override = OverridePermissions.offer(page.viewer(), page.release().state());
        Decision emergency = EmergencyPermissions.offer(page.viewer(), page.release().createdBy(),
                page.release().state());
        if (override.denied() && emergency.denied()) {
            return Optional.empty();
        }
        return Optional.of(new RawString(Templates.actions(page.releaseId(), override, emergency).render()));
    }
}
