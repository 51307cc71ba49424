package dev.greenlight.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.evidence.EvidenceStore;
import dev.greenlight.evidence.EvidenceView;
import dev.greenlight.gate.MeasuredValue;
import dev.greenlight.notify.Notice;
import dev.greenlight.notify.Outbox;
import dev.greenlight.policy.ValidationPolicy;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.Actor;

/**
 * Post-release validation: CI or a maintainer reports what was measured after a release shipped, Greenlight judges it
 * against the policy (never trusting a caller's verdict), and a published release whose checks all pass is validated.
 */
@ApplicationScoped
public class ValidationService {
    /** Who reports post-release checks: the pipeline that ran them, or a maintainer by hand. */

    private final ReleaseService releases;
    private final EvidenceStore evidenceStore;
    private final ValidationPolicy policy;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    ValidationService(ReleaseService releases, EvidenceStore evidenceStore, ValidationPolicy policy, AuditLog audit,
            Outbox outbox, Clock clock) {
        this.releases = releases;
        this.evidenceStore = evidenceStore;
        this.policy = policy;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The checks the policy requires, in their natural order. */
    public List<Check> required() {
        Set<Check> checks = EnumSet.noneOf(Check.class);
        for (String id : policy.required()) {
            checks.add(Check.fromId(id)
                    .orElseThrow(() -> new IllegalStateException(
                            "greenlight.policy.validation.required: unknown check " + id)));
        }
        return List.copyOf(checks);
    }

    /** The rule a check's value is judged by, in words. */
    public String threshold(Check check) {
        return switch (check) {
            case SMOKE_TESTS -> "at most " + policy.maxFailedSmokeTests() + " failed smoke tests";
            case ERROR_RATE -> "at most " + format(policy.errorRateMaxPercent()) + " % of requests failing";
            case PERFORMANCE_REGRESSION -> "less than " + format(policy.performanceRegressionMaxPercent())
                    + " % slower than the previous release";
            case ROLLBACK_PLAN -> "a documented rollback plan attached";
        };
    }

    /** Each required check's latest result, in two queries. */
    public List<CheckStatus> status(long releaseId) {
        List<ReleaseCheck> results = ReleaseCheck.ofRelease(releaseId);
        Map<Long, EvidenceView> evidence = evidenceStore.views(releaseId,
                results.stream().map(r -> r.evidenceId).filter(id -> id != null).toList());
        List<CheckStatus> statuses = new ArrayList<>();
        for (Check check : required()) {
            ReleaseCheck latest = results.stream().filter(r -> r.check == check).findFirst().orElse(null);
            statuses.add(latest == null
                    ? new CheckStatus(check, check.label(), CheckStatus.State.MISSING, threshold(check), null,
                            "not reported yet", null, null, null)
                    : new CheckStatus(check, check.label(),
                            latest.passed ? CheckStatus.State.PASSED : CheckStatus.State.FAILED, latest.threshold,
                            latest.measuredValue, latest.note,
                            latest.evidenceId == null ? null : evidence.get(latest.evidenceId), latest.recordedBy,
                            latest.recordedAt));
        }
        return statuses;
    }

    /**
     * Records what was measured on a published (or already validated) release; Greenlight decides whether it passes.
     * When every required check passes, a published release is validated; a failure goes to Slack. Invalid input
     * stores nothing.
     */
    @Transactional
    public CheckStatus record(Actor actor, long releaseId, String checkId, BigDecimal value,
            EvidenceInput evidence, String note) {
        ValidationPermissions.report(actor).orThrow();
        Check check = Check.fromId(checkId)
                .orElseThrow(() -> new InvalidInputException("check", "unknown check " + checkId + "; checks are "
                        + String.join(", ", EnumSet.allOf(Check.class).stream().map(Check::id).toList())));
        MeasuredValue.require("value", value);
        boolean passed = judge(check, value, evidence);
        if (note != null && note.length() > Limits.NOTE_CHARS) {
            throw new InvalidInputException("note", "must be at most " + Limits.NOTE_CHARS + " characters");
        }
        ReleaseFacts release = releases.lockFacts(releaseId);
        ValidationPermissions.reportOn(actor, release).orThrow();
        ValidationPermissions.whileLive(release.state()).orThrow(ConflictException::new);
        EvidenceView stored = evidence == null ? null : evidenceStore.store(actor, releaseId, evidence);

        ReleaseCheck result = new ReleaseCheck();
        result.releaseId = releaseId;
        result.check = check;
        result.measuredValue = value;
        result.passed = passed;
        result.threshold = threshold(check);
        result.evidenceId = stored == null ? null : stored.id();
        result.note = note == null || note.isBlank() ? null : note.strip();
        result.recordedBy = actor.username();
        result.recordedAt = clock.instant();
        result.persistAndFlush();

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("check", check.name());
        after.put("measured", value);
        after.put("passed", passed);
        after.put("threshold", result.threshold);
        after.put("evidenceSha256", stored == null ? null : stored.sha256());
        audit.record(actor, new AuditLog.Change(passed ? "check.passed" : "check.failed", "release-check",
                result.id, releaseId, null, after));
        List<CheckStatus> statuses = status(releaseId);
        if (!passed) {
            outbox.enqueue(new Notice.CheckFailed(releaseId, release.title(), check.label(),
                    (value == null ? "" : format(value) + " " + check.unit() + "; ") + "needs " + result.threshold,
                    actor.username()));
        } else if (statuses.stream().allMatch(CheckStatus::isPassed)) {
            releases.validateIfPublished(releaseId);
        }
        return statuses.stream().filter(s -> s.check() == check).findFirst().orElseThrow();
    }

    private boolean judge(Check check, BigDecimal value, EvidenceInput evidence) {
        if (check.isMeasured() && value == null) {
            throw new InvalidInputException("value", "the measured " + check.unit() + " is required");
        }
        return switch (check) {
            case SMOKE_TESTS -> {
                if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
                    throw new InvalidInputException("value", "must be a whole number, 0 or more");
                }
                yield value.compareTo(BigDecimal.valueOf(policy.maxFailedSmokeTests())) <= 0;
            }
            case ERROR_RATE -> {
                if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new InvalidInputException("value", "the error rate is a percentage between 0 and 100");
                }
                yield value.compareTo(BigDecimal.valueOf(policy.errorRateMaxPercent())) <= 0;
            }
            case PERFORMANCE_REGRESSION -> {
                // negative: faster than the previous release
                if (value.compareTo(BigDecimal.valueOf(-100)) < 0) {
                    throw new InvalidInputException("value", "a release cannot be more than 100 % faster");
                }
                yield value.compareTo(BigDecimal.valueOf(policy.performanceRegressionMaxPercent())) < 0;
            }
            case ROLLBACK_PLAN -> {
                if (value != null) {
                    throw new InvalidInputException("value", "the rollback plan takes evidence, not a value");
                }
                if (evidence == null) {
                    throw new InvalidInputException("evidence", "attach the rollback plan as a link or a file");
                }
                yield true;
            }
        };
    }

    static String format(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String format(double value) {
        return format(BigDecimal.valueOf(value));
    }
}
