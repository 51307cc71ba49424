package dev.greenlight.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.security.Role;

/** The review slots a release needs under the configured policy. */
@ApplicationScoped
public class ReviewRequirements {
    private final ReleasePolicy policy;
    private final Pattern securityFix;

    @Inject
    ReviewRequirements(ReleasePolicy policy) {
        this.policy = policy;
        this.securityFix = Pattern.compile(policy.securityFix().summaryPattern());
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
                Role.fromClaim(policy.slot().get(slot).role()).orElseThrow(), approvals,
                List.copyOf(reasons.get(slot)))));
        return slots;
    }

    /**
     * Each slot with its approvals before and after escalation: a release needs at least {@code approvals} and at most
     * {@code approvals + majorExtra + securityFixExtra} in the slot, so a query can tell releases that surely still need
     * a reviewer from those that only a security fix would reopen.
     */
    public List<SlotBounds> bounds() {
        List<SlotBounds> bounds = new ArrayList<>();
        for (String slot : policy.slots()) {
            bounds.add(new SlotBounds(slot, Role.fromClaim(policy.slot().get(slot).role()).orElseThrow(),
                    policy.slot().get(slot).approvals(), extra(policy.major(), slot),
                    extra(policy.securityFix(), slot)));
        }
        return bounds;
    }

    /** A slot's role and approval counts: see {@link #bounds()}. */
    public record SlotBounds(String slot, Role role, int approvals, int majorExtra, int securityFixExtra) {
    }

    private static int extra(ReleasePolicy.Escalation escalation, String slot) {
        return escalation.slot().equals(slot) ? Math.max(0, escalation.extraApprovals()) : 0;
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
