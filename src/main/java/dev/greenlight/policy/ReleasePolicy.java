package dev.greenlight.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * NeuronX's release policy as configuration (release-policy-ssot.md, "Quality Gates for Releases" and "Approval
 * Requirements"). Every value can be changed per deployment; the defaults are NeuronX's.
 */
@ConfigMapping(prefix = "greenlight.policy")
public interface ReleasePolicy {

    /** Review slots every release needs: code, security and product review. */
    @WithDefault("code,security,product")
    List<String> slots();

    /** Per slot: the role that may fill it and how many distinct approvers it needs. */
    Map<String, SlotPolicy> slot();

    /** Extra approvals when a release contains a major bump (breaking changes get a second pair of eyes). */
    Escalation major();

    /** Extra approvals when a changeset is a security fix (a wrong fix is itself a vulnerability). */
    @WithName("security-fix")
    SecurityFixEscalation securityFix();

    Gates gates();

    Evidence evidence();

    /**
     * An approval older than this no longer counts while its release waits in review (computed when read, never
     * written). Empty: approvals do not age.
     */
    @WithName("approval-max-age")
    Optional<Duration> approvalMaxAge();

    interface SlotPolicy {
        /** The role claim value that may fill the slot. */
        String role();

        @WithDefault("1")
        int approvals();
    }

    interface Escalation {
        /** The slot that needs more approvers. */
        @WithDefault("code")
        String slot();

        /** How many more. */
        @WithDefault("1")
        int extraApprovals();
    }

    interface SecurityFixEscalation extends Escalation {
        /** A changeset whose summary matches is a security fix. */
        @WithDefault("(?i)(\\bsecurity\\b|\\bCVE-\\d{4}-\\d+|\\bvulnerabilit(y|ies)\\b|\\bXSS\\b|\\bCSRF\\b)")
        String summaryPattern();
    }

    interface Gates {
        /** Tests pass: at most this many failed tests. */
        @WithDefault("0")
        int maxFailedTests();

        /** Coverage at least this percentage. */
        @WithDefault("85")
        double minCoverage();

        /** At most this many critical vulnerabilities. */
        @WithDefault("0")
        int maxCriticalVulnerabilities();

        /** Gates a release must pass: tests, coverage, critical-vulnerabilities, changelog, evidence. */
        @WithDefault("tests,coverage,critical-vulnerabilities,changelog,evidence")
        List<String> required();
    }

    interface Evidence {
        /** Largest evidence file stored, in bytes. */
        @WithDefault("10485760")
        long maxBytes();

        /** Content types accepted for evidence files; anything else is refused. */
        @WithDefault("application/pdf,application/json,application/xml,text/xml,text/plain,text/csv,image/png,image/jpeg,application/zip,application/gzip")
        List<String> contentTypes();

        /** Links must use one of these schemes. */
        @WithDefault("https,http")
        List<String> linkSchemes();
    }

    /** The slot's policy, or empty when the slot is unknown. */
    default Optional<SlotPolicy> slotPolicy(String name) {
        return Optional.ofNullable(slot().get(name));
    }
}
