package dev.greenlight.lane;

import java.util.List;

/** What the standard-change rule decided for a release: every condition with its value. */
public record LaneDecision(List<LaneCondition> conditions) {

    /** Every condition holds: the release's open slots are approved by the lane. */
    public boolean approves() {
        return conditions.stream().allMatch(LaneCondition::holds);
    }

    public List<LaneCondition> failing() {
        return conditions.stream().filter(c -> !c.holds()).toList();
    }

    public String verdict() {
        return approves() ? "auto-approved" : "declined";
    }
}
