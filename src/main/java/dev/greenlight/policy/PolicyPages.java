package dev.greenlight.policy;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.metrics.MetricTargets;

/** The release policy in force, as configured. */
@Path("/policy")
@Produces(MediaType.TEXT_HTML)
class PolicyPages {
    private final ReleasePolicy policy;
    private final ReviewRequirements reviews;
    private final ValidationPolicy validation;
    private final RollbackPolicy rollback;
    private final MetricTargets metrics;
    private final StandardChangePolicy standardChange;
    private final List<PolicySection> sections;

    @Inject
    PolicyPages(ReleasePolicy policy, ReviewRequirements reviews, ValidationPolicy validation,
            RollbackPolicy rollback, MetricTargets metrics, StandardChangePolicy standardChange,
            Instance<PolicySection> sections) {
        this.standardChange = standardChange;
        this.policy = policy;
        this.reviews = reviews;
        this.validation = validation;
        this.rollback = rollback;
        this.metrics = metrics;
        this.sections = sections.stream().sorted(Comparator.comparingInt(PolicySection::order)).toList();
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(ReleasePolicy policy, List<SlotRequirement> normal,
                List<SlotRequirement> major, List<SlotRequirement> securityFix, ValidationPolicy validation,
                RollbackPolicy rollback, MetricTargets metrics, StandardChangePolicy standardChange,
                List<RawString> sections, String nav);
    }

    @GET
    public TemplateInstance show() {
        return Templates.show(policy, reviews.forRelease(false, List.of()), reviews.forRelease(true, List.of()),
                reviews.forRelease(false, List.of("security fix")), validation, rollback, metrics, standardChange,
                sections.stream().map(PolicySection::render).toList(), "policy");
    }
}
