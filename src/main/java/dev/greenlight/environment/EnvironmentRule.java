package dev.greenlight.environment;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.greenlight.security.Role;
import dev.greenlight.validation.Check;

/**
 * One environment of the configured order and what promoting a release to it takes: the previous environment
 * validated, {@code waitTime} after that, {@code approvals} people holding one of {@code approverRoles}; then the rollout
 * goes through {@code steps} (canary percentages ending at 100), each with {@code checks} reported and passing.
 */
public record EnvironmentRule(String name, int position, List<Integer> steps, Duration waitTime, int approvals,
        Set<Role> approverRoles, List<Check> checks) {

    public EnvironmentRule {
        steps = List.copyOf(steps);
        approverRoles = Set.copyOf(approverRoles);
        checks = List.copyOf(checks);
    }

    public int finalStep() {
        return steps.get(steps.size() - 1);
    }

    public boolean isCanary() { return steps.size() > 1; }

    /** The step before {@code percentage}, or null for the first one. */
    public Integer stepBefore(int percentage) {
        int index = steps.indexOf(percentage);
        return index > 0 ? steps.get(index - 1) : null;
    }

    /** "engineering leader or maintainer", for sentences. */
    public String approversLabel() {
        return approverRoles.stream()
                .sorted()
                .map(r -> r.label().toLowerCase())
                .collect(Collectors.joining(" or "));
    }

    /** "5 %, 25 %, 100 %". */
    public String stepsLabel() {
        return steps.stream().map(s -> s + " %").collect(Collectors.joining(", "));
    }

    public String checksLabel() {
        return checks.isEmpty() ? "none" : checks.stream().map(Check::id).collect(Collectors.joining(", "));
    }

    /** "1 hour", "30 minutes", "none". */
    public String waitLabel() {
        return Durations.words(waitTime);
    }
}
