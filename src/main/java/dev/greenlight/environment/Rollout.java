package dev.greenlight.environment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.greenlight.common.Decision;
import dev.greenlight.validation.Check;

/**
 * Where a release is in each environment and what its next promotion waits for, worked out from the deployment
 * reports and promotion approvals alone (no database, no clock of its own), so that the service, the page and the API
 * judge the same way.
 */
public final class Rollout {

    /** One report CI made; the latest report of a step says where the step is. */
    public record Report(long id, String environment, DeploymentStatus status, int percentage, String reference,
            String url, List<StepCheck> checks, String reportedBy, Instant reportedAt) {
    }

    public record Approval(String environment, String approvedBy, Instant approvedAt) {
    }

    /** Where one step stands. */
    public enum Outcome {
        NOT_STARTED("not started"),
        IN_PROGRESS("in progress"),
        AWAITING_CHECKS("awaiting checks"),
        PASSED("passed"),
        FAILED("failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One step of an environment's rollout and its latest report, if any. */
    public record Step(int percentage, Outcome outcome, Report latest, List<String> missingChecks) {
        public boolean isFailed() { return outcome == Outcome.FAILED; }

        public boolean isPassed() { return outcome == Outcome.PASSED; }
    }

    /**
     * A release in one environment: its steps, where it stands, the approvals given for it and what stops its
     * promotion ({@code blockers}, empty once it may start or has started).
     */
    public record EnvironmentState(EnvironmentRule rule, List<Step> steps, Step current, Instant validatedAt,
            List<Approval> approvals, List<String> blockers) {

        public String name() {
            return rule.name();
        }

        public boolean isStarted() { return current != null; }

        public boolean isValidated() { return validatedAt != null; }

        /** The step where it stands failed: the deployment failed or one of its checks did. */
        public boolean isFailed() {
            return current != null && current.isFailed();
        }

        /** Approvals are still wanted: promotion has not started and fewer people approved than the rule needs. */
        public boolean needsApprovals() {
            return !isStarted() && approvals.size() < rule.approvals();
        }

        public Set<String> approvers() {
            return approvals.stream().map(Approval::approvedBy).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** "not started", "step 25 % in progress", "failed at step 25 %", "succeeded". */
        public String status() {
            if (current == null) {
                return "not started";
            }
            if (isValidated()) {
                return "succeeded";
            }
            if (current.isFailed()) {
                return "failed at " + stepName(current.percentage());
            }
            return stepName(current.percentage()) + " " + current.outcome().label();
        }

        private String stepName(int percentage) {
            return rule.isCanary() ? "step " + percentage + " %" : "deployment";
        }
    }

    private Rollout() {
    }

    /** Every configured environment of the release, in promotion order. */
    public static List<EnvironmentState> of(List<EnvironmentRule> rules, List<Report> reports,
            List<Approval> approvals, Instant publishedAt, Instant now) {
        List<EnvironmentState> states = new ArrayList<>();
        EnvironmentState previous = null;
        for (EnvironmentRule rule : rules) {
            List<Report> mine = reports.stream().filter(r -> r.environment().equals(rule.name())).toList();
            List<Approval> approved = approvals.stream().filter(a -> a.environment().equals(rule.name())).toList();
            List<Step> steps = rule.steps().stream().map(p -> step(rule, p, mine)).toList();
            Step current = mine.isEmpty()
                    ? null
                    : steps.stream()
                            .filter(s -> s.percentage() == mine.get(mine.size() - 1).percentage())
                            .findFirst()
                            .orElse(null);
            Step last = steps.get(steps.size() - 1);
            Instant validatedAt = last.isPassed() && current != null && !current.isFailed()
                    ? last.latest().reportedAt()
                    : null;
            List<String> blockers = current != null
                    ? List.of()
                    : blockers(rule, previous, publishedAt, approved.size(), now);
            EnvironmentState state = new EnvironmentState(rule, steps, current, validatedAt, approved, blockers);
            states.add(state);
            previous = state;
        }
        return List.copyOf(states);
    }

    /**
     * Whether CI may report {@code percentage} in {@code state}'s environment now: a step already reported may be
     * reported again (finished, retried); a new one needs the promotion rules met (first step) or the step before it
     * passed.
     */
    public static Decision mayReport(EnvironmentState state, int percentage) {
        if (state.steps().stream().anyMatch(s -> s.percentage() == percentage && s.latest() != null)) {
            return Decision.allow();
        }
        Integer before = state.rule().stepBefore(percentage);
        if (before == null) {
            return state.blockers().isEmpty()
                    ? Decision.allow()
                    : Decision.deny("Promotion to " + state.name() + " is not allowed yet: "
                            + String.join("; ", state.blockers()) + ".");
        }
        Step previous = state.steps().stream().filter(s -> s.percentage() == before).findFirst().orElseThrow();
        return previous.isPassed()
                ? Decision.allow()
                : Decision.deny("Step " + percentage + " % in " + state.name() + " needs step " + before
                        + " % passed first; it is " + previous.outcome().label() + ".");
    }

    private static Step step(EnvironmentRule rule, int percentage, List<Report> reports) {
        Report latest = null;
        for (Report report : reports) {
            if (report.percentage() == percentage) {
                latest = report;
            }
        }
        if (latest == null) {
            return new Step(percentage, Outcome.NOT_STARTED, null, List.of());
        }
        Report report = latest;
        List<String> missing = rule.checks()
                .stream()
                .map(Check::id)
                .filter(id -> report.checks().stream().noneMatch(c -> c.check().equals(id)))
                .toList();
        Outcome outcome = switch (report.status()) {
            case STARTED -> Outcome.IN_PROGRESS;
            case FAILED -> Outcome.FAILED;
            case SUCCEEDED -> report.checks().stream().anyMatch(c -> !c.passed())
                    ? Outcome.FAILED
                    : missing.isEmpty() ? Outcome.PASSED : Outcome.AWAITING_CHECKS;
        };
        return new Step(percentage, outcome, report, outcome == Outcome.AWAITING_CHECKS ? missing : List.of());
    }

    private static List<String> blockers(EnvironmentRule rule, EnvironmentState previous, Instant publishedAt,
            int approvals, Instant now) {
        List<String> blockers = new ArrayList<>();
        Instant waitFrom = publishedAt;
        if (previous != null) {
            if (!previous.isValidated()) {
                blockers.add(previous.name() + " is not validated (" + previous.status() + ")");
            }
            waitFrom = previous.validatedAt();
        }
        if (!rule.waitTime().isZero()) {
            if (waitFrom == null) {
                blockers.add("wait timer: " + rule.waitLabel() + " after " + previous.name() + " is validated");
            } else {
                Duration remaining = Duration.between(now, waitFrom.plus(rule.waitTime()));
                if (remaining.compareTo(Duration.ZERO) > 0) {
                    blockers.add("wait timer: " + Durations.words(remaining) + " remaining (until "
                            + waitFrom.plus(rule.waitTime()) + ")");
                }
            }
        }
        if (approvals < rule.approvals()) {
            blockers.add("approvals: " + approvals + " of " + rule.approvals() + " (" + rule.approversLabel() + ")");
        }
        return List.copyOf(blockers);
    }
}
