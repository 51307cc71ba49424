package dev.greenlight.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.security.Role;

/** The review slots a release needs under the configured policy. */
@ApplicationScoped
public class ReviewRequirements {
    private final ReleasePolicy policy;
    private final Pattern securityFix;
    private final String fingerprint;

    @Inject
    ReviewRequirements(ReleasePolicy policy) {
        this.policy = policy;
        this.securityFix = Pattern.compile(policy.securityFix().summaryPattern());
        this.fingerprint = UUID.nameUUIDFromBytes(describe().getBytes(StandardCharsets.UTF_8)).toString();
        for (String slot : policy.slots()) {
            requireRole(slot);
        }
    }

    /** Fails at start-up, not at the first review, when the policy names a slot without a role. */
    private void requireRole(String slot) {
        ReleasePolicy.SlotPolicy slotPolicy = policy.slotPolicy(slot)
                .orElseThrow(() -> new IllegalStateException("greenlight.policy.slot." + slot + ".role is not set"));
        if (Role.fromClaim(slotPolicy.role()).isEmpty()) {
            throw new IllegalStateException(
                    "greenlight.policy.slot." + slot + ".role: unknown role " + slotPolicy.role());
        }
    }

    /** Slots for a release with these traits, in policy order. */
    public List<SlotRequirement> forRelease(boolean hasMajorBump, List<String> changesetSummaries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (String slot : policy.slots()) {
            counts.put(slot, policy.slot().get(slot).approvals());
            reasons.put(slot, new ArrayList<>());
        }
        if (hasMajorBump) {
            escalate(counts, reasons, policy.major(), "a major bump");
        }
        if (changesetSummaries.stream().anyMatch(this::isSecurityFix)) {
            escalate(counts, reasons, policy.securityFix(), "a security fix");
        }
        List<SlotRequirement> slots = new ArrayList<>();
        counts.forEach((slot, approvals) -> slots.add(new SlotRequirement(slot,
                roleOf(slot), approvals,
                List.copyOf(reasons.get(slot)))));
        return slots;
    }

    /** The slots a reviewer with these roles may fill, in policy order. */
    public List<String> fillableBy(Predicate<Role> hasRole) {
        return policy.slots().stream().filter(slot -> hasRole.test(roleOf(slot))).toList();
    }

    private Role roleOf(String slot) {
        return Role.fromClaim(policy.slot().get(slot).role()).orElseThrow();
    }

    /**
     * Names this review policy (slots, roles, approvals, escalations, the security-fix pattern): a judgement kept under
     * one fingerprint is known to be stale once the configuration changes.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private String describe() {
        StringJoiner description = new StringJoiner("\n");
        for (String slot : policy.slots()) {
            description.add(
                    "slot " + slot + " " + policy.slot().get(slot).role() + " " + policy.slot().get(slot).approvals());
        }
        description.add("major " + policy.major().slot() + " " + policy.major().extraApprovals());
        description
                .add("security-fix " + policy.securityFix().slot() + " " + policy.securityFix().extraApprovals() + " "
                        + policy.securityFix().summaryPattern());
        return description.toString();
    }

    public boolean isSecurityFix(String summary) {
        return securityFix.matcher(summary).find();
    }

    private static void escalate(Map<String, Integer> counts, Map<String, List<String>> reasons,
            ReleasePolicy.Escalation escalation, String why) {
        if (counts.containsKey(escalation.slot()) && escalation.extraApprovals() > 0) {
            counts.merge(escalation.slot(), escalation.extraApprovals(), Integer::sum);
            reasons.get(escalation.slot()).add(why);
        }
    }
}
