package dev.greenlight.environment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.policy.PolicySection;

/** The policy page's "Environments and promotion": each environment's steps, wait, approvals and checks. */
@ApplicationScoped
class EnvironmentsPolicySection implements PolicySection {
    private final Environments environments;

    @Inject
    EnvironmentsPolicySection(Environments environments) {
        this.environments = environments;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(List<EnvironmentRule> environments);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public RawString render() {
        return new RawString(Templates.section(environments.all()).render());
    }
}
