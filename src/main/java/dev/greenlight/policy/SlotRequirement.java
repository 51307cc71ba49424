package dev.greenlight.policy;

import java.util.List;

import dev.greenlight.security.Role;

/** One review slot a release needs: who may fill it, how many distinct approvers, and why that many. */
public record SlotRequirement(String slot, Role role, int approvals, List<String> reasons) {

    /** "Code review" for slot "code". */
    public String label() {
        return Character.toUpperCase(slot.charAt(0)) + slot.substring(1) + " review";
    }
}
