package dev.greenlight.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.policy.PolicySection;

/** The policy page's "Change freezes": what a freeze holds, what passes it, and the bounds of windows. */
@ApplicationScoped
class FreezePolicySection implements PolicySection {
    private final FreezePolicy policy;

    @Inject
    FreezePolicySection(FreezePolicy policy) {
        this.policy = policy;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(long maxDurationDays, long horizonDays, int maxWindows);
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public RawString render() {
        return new RawString(Templates.section(policy.maxDuration().toDays(), policy.horizon().toDays(),
                policy.maxWindows()).render());
    }
}
