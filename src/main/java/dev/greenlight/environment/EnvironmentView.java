package dev.greenlight.environment;

import java.time.Instant;
import java.util.List;

/** A release in one environment, as the API shows it. */
public record EnvironmentView(String environment, String status, Integer percentage, boolean validated,
        Instant validatedAt, boolean failed, List<StepView> steps, List<ApprovalView> approvals,
        int approvalsRequired, List<String> blockers) {

    public record StepView(int percentage, String outcome, String status, String reference, String url,
            List<StepCheck> checks, List<String> missingChecks, String reportedBy, Instant reportedAt) {
    }

    public record ApprovalView(String approvedBy, Instant approvedAt) {
    }

    static EnvironmentView of(Rollout.EnvironmentState state) {
        return new EnvironmentView(state.name(), state.status(),
                state.current() == null ? null : state.current().percentage(), state.isValidated(),
                state.validatedAt(), state.isFailed(), state.steps().stream().map(EnvironmentView::step).toList(),
                state.approvals().stream().map(a -> new ApprovalView(a.approvedBy(), a.approvedAt())).toList(),
                state.rule().approvals(), state.blockers());
    }

    private static StepView step(Rollout.Step step) {
        Rollout.Report r = step.latest();
        return r == null
                ? new StepView(step.percentage(), step.outcome().name(), null, null, null, List.of(), List.of(), null,
                        null)
                : new StepView(step.percentage(), step.outcome().name(), r.status().name(), r.reference(), r.url(),
                        r.checks(), step.missingChecks(), r.reportedBy(), r.reportedAt());
    }
}
