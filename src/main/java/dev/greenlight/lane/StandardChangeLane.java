package dev.greenlight.lane;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.greenlight.approval.LaneApprovals;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.gate.GateRecorded;
import dev.greenlight.gate.GateService;
import dev.greenlight.gate.GateStatus;
import dev.greenlight.metrics.MetricsService;
import dev.greenlight.policy.ReviewRequirements;
import dev.greenlight.policy.StandardChangePolicy;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseStateChanged;
import dev.greenlight.release.ReleaseView;

/**
 * The standard-change lane: when a release enters review, and when its gates all pass, the rule is judged; if every
 * condition holds, its open review slots are approved by the lane, otherwise people review it as always. Each
 * decision is audited with every condition's value ({@code lane.auto-approved}, {@code lane.declined}).
 */
@ApplicationScoped
public class StandardChangeLane {
    private final StandardChangePolicy policy;
    private final StandardChangeRule rule;
    private final ReleaseService releases;
    private final GateService gates;
    private final ReviewRequirements reviews;
    private final MetricsService metrics;
    private final FreezeCalendar freezes;
    private final LaneApprovals approvals;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    StandardChangeLane(StandardChangePolicy policy, ReleaseService releases, GateService gates,
            ReviewRequirements reviews, MetricsService metrics, FreezeCalendar freezes, LaneApprovals approvals,
            AuditLog audit, Clock clock) {
        this.policy = policy;
        this.rule = StandardChangeRule.of(policy);
        this.releases = releases;
        this.gates = gates;
        this.reviews = reviews;
        this.metrics = metrics;
        this.freezes = freezes;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule for a release as it stands now. */
    public LaneDecision judge(ReleaseFacts release, Instant at) {
        return rule.judge(facts(release, gates.status(release), at, (pkg, end) -> metrics
                .changeFailureRate(pkg, end.minus(policy.window()), end)
                .value()));
    }

    /** The same, for the replay: gate states given, change failure rates from the caller (who may cache them). */
    LaneDecision judge(ReleaseFacts release, List<GateStatus> gateStates, Instant at,
            BiFunction<String, Instant, BigDecimal> changeFailureRate) {
        return rule.judge(facts(release, gateStates, at, changeFailureRate));
    }

    StandardChangeRule rule() {
        return rule;
    }

    void entered(@Observes ReleaseStateChanged event) {
        if (policy.enabled() && event.to() == ReleaseState.IN_REVIEW) {
            decide(releases.facts(event.releaseId()), event.action() == null ? "review" : event.action().event());
        }
    }

    /** A gate passed: once every gate has, the rule may now hold; a failed gate reopens review instead. */
    void gateRecorded(@Observes GateRecorded event) {
        if (!policy.enabled() || !event.passed()) {
            return;
        }
        ReleaseFacts release = releases.facts(event.releaseId());
        if (release.state() == ReleaseState.IN_REVIEW
                && gates.status(release).stream().allMatch(GateStatus::isPassed)) {
            decide(release, "gate " + event.gate().id() + " passed");
        }
    }

    private void decide(ReleaseFacts release, String trigger) {
        if (approvals.openSlots(release).isEmpty()) {
            return;
        }
        LaneDecision decision = judge(release, clock.instant());
        List<String> approved = decision.approves()
                ? approvals.approveOpenSlots(release, "Standard change: every condition of the lane held.")
                : List.of();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", decision.verdict());
        after.put("trigger", trigger);
        after.put("contentVersion", release.contentVersion());
        after.put("conditions", decision.conditions().stream().map(LaneCondition::audited).toList());
        after.put("approvedSlots", approved);
        audit.record(LaneApprovals.LANE, new AuditLog.Change("lane." + decision.verdict(), "release", release.id(),
                release.id(), null, after));
    }

    private LaneFacts facts(ReleaseFacts release, List<GateStatus> gateStates, Instant at,
            BiFunction<String, Instant, BigDecimal> changeFailureRate) {
        Map<String, String> bumps = new LinkedHashMap<>();
        for (ReleaseView.PackageChange change : release.packages()) {
            bumps.put(change.name(), change.type());
        }
        Map<String, String> gateValues = new LinkedHashMap<>();
        gateStates.forEach(status -> gateValues.put(status.gate().id(), status.state().name()));
        long securityFixes = release.changesetSummaries().stream().filter(reviews::isSecurityFix).count();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        bumps.keySet().forEach(pkg -> rates.put(pkg, changeFailureRate.apply(pkg, at)));
        return new LaneFacts(bumps, gateValues, securityFixes, rates, freezes.covers(bumps.keySet(), at));
    }
}
