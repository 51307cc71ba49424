package dev.greenlight.gate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.evidence.EvidenceStore;
import dev.greenlight.evidence.EvidenceView;
import dev.greenlight.policy.ReleasePolicy;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseRequirement;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.release.RequirementWaivers;
import dev.greenlight.release.Waivers;
import dev.greenlight.security.Actor;

/**
 * Quality gates: CI or people report what they measured, Greenlight decides pass or fail against the policy's
 * threshold (never trusting the caller's verdict) and keeps the evidence.
 */
@ApplicationScoped
public class GateService implements ReleaseRequirement {

    private final ReleaseService releases;
    private final Waivers waivers;
    private final ReleasePolicy policy;
    private final AuditLog audit;
    private final Event<GateRecorded> recorded;
    private final EvidenceStore evidenceStore;
    private final Clock clock;

    @Inject
    GateService(ReleaseService releases, Waivers waivers, ReleasePolicy policy, AuditLog audit,
            Event<GateRecorded> recorded, EvidenceStore evidenceStore, Clock clock) {
        this.releases = releases;
        this.waivers = waivers;
        this.policy = policy;
        this.audit = audit;
        this.recorded = recorded;
        this.evidenceStore = evidenceStore;
        this.clock = clock;
    }

    /** The gates the policy requires, in policy order. */
    public List<Gate> required() {
        Set<Gate> gates = EnumSet.noneOf(Gate.class);
        for (String id : policy.gates().required()) {
            gates.add(Gate.fromId(id)
                    .orElseThrow(
                            () -> new IllegalStateException("greenlight.policy.gates.required: unknown gate " + id)));
        }
        return List.copyOf(gates);
    }

    /** "≥ 85 %": the rule a gate's value is judged by. */
    public String threshold(Gate gate) {
        return switch (gate) {
            case TESTS -> "at most " + policy.gates().maxFailedTests() + " failed tests";
            case COVERAGE -> "at least " + format(BigDecimal.valueOf(policy.gates().minCoverage())) + " %";
            case CRITICAL_VULNERABILITIES -> "at most " + policy.gates().maxCriticalVulnerabilities()
                    + " critical vulnerabilities";
            case CHANGELOG -> "every package in the plan has changelog entries";
            case EVIDENCE -> "release evidence attached";
        };
    }

    public List<GateStatus> status(ReleaseFacts release) {
        return status(release, waivers.of(release));
    }

    /** The same, with the release's waivers already read by the caller (the release page reads them once). */
    public List<GateStatus> status(ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived) {
        List<GateResult> results = GateResult.ofRelease(release.id());
        Map<Long, EvidenceView> evidence = evidenceStore.views(release.id(),
                results.stream().map(r -> r.evidenceId).filter(id -> id != null).toList());
        List<GateStatus> statuses = new ArrayList<>();
        for (Gate gate : required()) {
            RequirementWaivers.Waiver waiver = waived.get(RequirementWaivers.gateKey(gate.id()));
            if (waiver != null) {
                statuses.add(new GateStatus(gate, GateStatus.State.BYPASSED, threshold(gate), null,
                        "bypassed: " + waiver.reason(), null, waiver.waivedBy(), waiver.waivedAt()));
                continue;
            }
            if (gate == Gate.CHANGELOG) {
                statuses.add(changelogStatus(release));
                continue;
            }
            GateResult latest = results.stream()
                    .filter(r -> r.gate.equals(gate.id()) && r.contentVersion == release.contentVersion())
                    .findFirst()
                    .orElse(null);
            if (latest == null) {
                boolean staleExists = results.stream().anyMatch(r -> r.gate.equals(gate.id()));
                statuses.add(new GateStatus(gate, GateStatus.State.MISSING, threshold(gate), null,
                        staleExists ? "reported for earlier changesets; report again" : "not reported yet", null,
                        null, null));
            } else {
                statuses.add(new GateStatus(gate, latest.passed ? GateStatus.State.PASSED : GateStatus.State.FAILED,
                        latest.threshold, latest.measured, latest.note,
                        latest.evidenceId == null ? null : evidence.get(latest.evidenceId), latest.recordedBy,
                        latest.recordedAt));
            }
        }
        return statuses;
    }

    @Override
    public List<String> unmet(ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived) {
        return status(release, waived).stream()
                .filter(s -> !s.isSatisfied())
                .map(s -> "Gate \"" + s.gate().label() + "\" " + (s.state() == GateStatus.State.FAILED
                        ? "failed (" + s.threshold() + ")."
                        : "has no result yet."))
                .toList();
    }

    /** Records what was measured; Greenlight decides whether it passes. Invalid input stores nothing. */
    @Transactional
    public GateStatus record(Actor actor, long releaseId, String gateId, BigDecimal value, EvidenceInput evidence,
            String note) {
        Gate gate = Gate.fromId(gateId == null ? "" : gateId)
                .orElseThrow(() -> new InvalidInputException("gate", "unknown gate " + gateId + "; gates are "
                        + String.join(", ", EnumSet.allOf(Gate.class).stream().map(Gate::id).toList())));
        if (gate.isComputed()) {
            throw new InvalidInputException("gate", "the changelog gate is computed by Greenlight from the plan");
        }
        GatePermissions.report(actor, gate).orThrow();
        MeasuredValue.require("value", value);
        boolean passed = judge(gate, value, evidence);
        if (note != null && note.length() > Limits.NOTE_CHARS) {
            throw new InvalidInputException("note", "must be at most " + Limits.NOTE_CHARS + " characters");
        }
        ReleaseFacts release = releases.lockFacts(releaseId);
        GatePermissions.reportOn(actor, release).orThrow();
        GatePermissions.whileOpen(release).orThrow(ConflictException::new);
        EvidenceView stored = evidence == null ? null : evidenceStore.store(actor, releaseId, evidence);

        GateResult result = new GateResult();
        result.releaseId = releaseId;
        result.gate = gate.id();
        result.measured = value;
        result.passed = passed;
        result.threshold = threshold(gate);
        result.evidenceId = stored == null ? null : stored.id();
        result.note = note == null || note.isBlank() ? null : note.strip();
        result.contentVersion = release.contentVersion();
        result.recordedBy = actor.username();
        result.recordedAt = clock.instant();
        result.persistAndFlush();

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("gate", gate.id());
        after.put("measured", value);
        after.put("passed", passed);
        after.put("threshold", result.threshold);
        after.put("evidenceSha256", stored == null ? null : stored.sha256());
        audit.record(actor, new AuditLog.Change(passed ? "gate.passed" : "gate.failed", "gate-result", result.id,
                releaseId, null, after));
        recorded.fire(new GateRecorded(releaseId, release.title(), gate, passed, value, result.threshold,
                actor.username()));
        if (passed) {
            releases.approveIfReady(release);
        } else {
            releases.reopenReview(releaseId, "Gate \"" + gate.label() + "\" failed: " + format(value) + " "
                    + gate.unit() + " (" + result.threshold + ").");
        }
        return status(releases.facts(releaseId)).stream().filter(s -> s.gate() == gate).findFirst().orElseThrow();
    }

    private boolean judge(Gate gate, BigDecimal value, EvidenceInput evidence) {
        if (gate.isMeasured() && value == null) {
            throw new InvalidInputException("value", "the measured " + gate.unit() + " is required");
        }
        return switch (gate) {
            case TESTS -> wholeNumber(value).compareTo(BigDecimal.valueOf(policy.gates().maxFailedTests())) <= 0;
            case COVERAGE -> {
                if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new InvalidInputException("value", "coverage is a percentage between 0 and 100");
                }
                yield value.compareTo(BigDecimal.valueOf(policy.gates().minCoverage())) >= 0;
            }
            case CRITICAL_VULNERABILITIES -> wholeNumber(value)
                    .compareTo(BigDecimal.valueOf(policy.gates().maxCriticalVulnerabilities())) <= 0;
            case EVIDENCE -> {
                if (value != null) {
                    throw new InvalidInputException("value", "the evidence gate takes evidence, not a value");
                }
                if (evidence == null) {
                    throw new InvalidInputException("evidence", "attach a link or a file");
                }
                yield true;
            }
            case CHANGELOG -> throw new IllegalStateException("computed gate");
        };
    }

    private static BigDecimal wholeNumber(BigDecimal value) {
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException("value", "must be a whole number, 0 or more");
        }
        return value;
    }

    private GateStatus changelogStatus(ReleaseFacts release) {
        List<String> missing = release.packages()
                .stream()
                .filter(p -> p.changelog() == null || p.changelog().lines().noneMatch(l -> l.startsWith("- ")))
                .map(ReleaseView.PackageChange::name)
                .toList();
        return new GateStatus(Gate.CHANGELOG, missing.isEmpty() && !release.packages().isEmpty()
                ? GateStatus.State.PASSED
                : GateStatus.State.FAILED, threshold(Gate.CHANGELOG), null,
                missing.isEmpty() ? "computed from the plan" : "no entries for " + String.join(", ", missing), null,
                "greenlight", null);
    }

    static String format(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
