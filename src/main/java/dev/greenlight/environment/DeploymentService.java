package dev.greenlight.environment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.calendar.DeploymentFreezes;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.ForbiddenActionException;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.gate.MeasuredValue;
import dev.greenlight.notify.Notice;
import dev.greenlight.notify.Outbox;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;
import dev.greenlight.validation.Check;
import dev.greenlight.validation.ValidationService;

/**
 * Deployments of published releases to the configured environments: CI reports each rollout step, Greenlight judges
 * the step's checks and refuses a step the promotion rules do not allow yet; leaders and maintainers approve
 * promotions. Every report and approval is audited; a failed step goes to Slack.
 */
@ApplicationScoped
public class DeploymentService {
    private final Environments environments;
    private final ReleaseService releases;
    private final ValidationService validation;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Inputs inputs;
    private final Clock clock;
    private final ObjectMapper json;
    private final DeploymentFreezes deploymentFreezes;

    @Inject
    DeploymentService(Environments environments, ReleaseService releases, ValidationService validation,
            AuditLog audit, Outbox outbox, Inputs inputs, Clock clock, ObjectMapper json,
            DeploymentFreezes deploymentFreezes) {
        this.json = json;
        this.deploymentFreezes = deploymentFreezes;
        this.environments = environments;
        this.releases = releases;
        this.validation = validation;
        this.audit = audit;
        this.outbox = outbox;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** The release in every environment, in promotion order: one query. */
    public List<Rollout.EnvironmentState> status(ReleaseView release) {
        return states(release, clock.instant());
    }

    /** Records one step CI reports, when the input is valid and the promotion rules allow it. */
    @Transactional
    public Rollout.EnvironmentState report(Actor actor, long releaseId, DeploymentInput input) {
        if (!actor.hasAny(EnvironmentPermissions.REPORTERS)) {
            throw new ForbiddenActionException("Only CI or a maintainer may report deployments.");
        }
        if (input == null) {
            throw new InvalidInputException("environment", "send the environment, status and percentage");
        }
        inputs.check(input);
        EnvironmentRule rule = environments.named(input.environment().strip())
                .orElseThrow(() -> new InvalidInputException("environment",
                        "must be one of " + String.join(", ", environments.names())));
        DeploymentStatus status = status(input.status());
        if (!rule.steps().contains(input.percentage())) {
            throw new InvalidInputException("percentage", "must be one of " + rule.stepsLabel() + " in " + rule.name());
        }
        List<StepCheck> checks = judge(status, input.checks());

        ReleaseFacts facts = releases.lockFacts(releaseId);
        EnvironmentPermissions.report(actor, facts).orThrow();
        ReleaseView release = releases.get(releaseId);
        requireLive(release, "Deployments are reported");
        Instant now = clock.instant();
        Rollout.EnvironmentState before = stateOf(release, rule, now);
        Rollout.mayReport(before, input.percentage()).orThrow(ConflictException::new);
        // a freeze holds deployments that would start; how one already under way ends is always recorded
        if (status == DeploymentStatus.STARTED) {
            deploymentFreezes.check(actor, releaseId, rule.name(), now);
        }

        Deployment deployment = new Deployment();
        deployment.releaseId = releaseId;
        deployment.environment = rule.name();
        deployment.status = status;
        deployment.percentage = input.percentage();
        deployment.reference = blankToNull(input.reference());
        deployment.url = blankToNull(input.url());
        deployment.checks = checks;
        deployment.reportedBy = actor.username();
        deployment.reportedAt = now;
        deployment.persistAndFlush();

        Rollout.EnvironmentState after = stateOf(release, rule, now);
        Rollout.Step step = after.steps()
                .stream()
                .filter(s -> s.percentage() == deployment.percentage)
                .findFirst()
                .orElseThrow();
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("environment", rule.name());
        recorded.put("status", status.name());
        recorded.put("percentage", deployment.percentage);
        recorded.put("reference", deployment.reference);
        recorded.put("url", deployment.url);
        recorded.put("checks", checks.stream()
                .map(c -> Map.of("check", c.check(), "value", c.value(), "passed",
                        c.passed()))
                .toList());
        recorded.put("outcome", step.outcome().name());
        audit.record(actor, new AuditLog.Change("deployment." + status.name().toLowerCase(Locale.ROOT),
                "deployment", deployment.id, releaseId, null, recorded));
        if (step.isFailed()) {
            outbox.enqueue(new Notice.CheckFailed(releaseId, facts.title(),
                    rule.name() + " "
                            + (rule.isCanary() ? "canary step " + deployment.percentage + " %" : "deployment"),
                    failure(status, checks), actor.username()));
        }
        boolean reachedProduction = rule.equals(environments.last()) && status == DeploymentStatus.SUCCEEDED
                && deployment.percentage == rule.finalStep();
        if (reachedProduction && (release.publication() == null || release.publication().deployedAt() == null)) {
            // lead time in metrics runs to the first full production deployment
            releases.recordDeployment(actor, releaseId, null, now);
        }
        return after;
    }

    /**
     * Demo data only: a successful deployment reported {@code ago} before now, so that the wait timer the demo shows is
     * already over (reports through the API are always stamped now). Audited like any report.
     */
    @Transactional
    public void recordPastSuccessForDemo(Actor actor, long releaseId, String environment, int percentage,
            List<StepCheck> checks, Duration ago) {
        Deployment deployment = new Deployment();
        deployment.releaseId = releaseId;
        deployment.environment = environment;
        deployment.status = DeploymentStatus.SUCCEEDED;
        deployment.percentage = percentage;
        deployment.reference = "deploy-" + releaseId + "-" + environment;
        deployment.checks = checks;
        deployment.reportedBy = actor.username();
        deployment.reportedAt = clock.instant().minus(ago);
        deployment.persistAndFlush();
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("environment", environment);
        recorded.put("status", DeploymentStatus.SUCCEEDED.name());
        recorded.put("percentage", percentage);
        recorded.put("reportedAt", deployment.reportedAt.toString());
        audit.record(actor, new AuditLog.Change("deployment.succeeded", "deployment", deployment.id, releaseId, null,
                recorded));
    }

    /** A leader's or maintainer's approval to promote the release to {@code environment}. */
    @Transactional
    public Rollout.EnvironmentState approvePromotion(Actor actor, long releaseId, String environment) {
        if (!actor.hasAny(Environments.APPROVER_ROLES)) {
            throw new ForbiddenActionException("Only engineering leaders and maintainers approve promotions.");
        }
        EnvironmentRule rule = environments.named(environment)
                .orElseThrow(() -> new ResourceNotFoundException("Environment", environment));
        ReleaseFacts facts = releases.lockFacts(releaseId);
        ReleaseView release = releases.get(releaseId);
        requireLive(release, "Promotions are approved");
        Instant now = clock.instant();
        Rollout.EnvironmentState state = stateOf(release, rule, now);
        EnvironmentPermissions.approvePromotion(actor, rule, facts, state.approvers()).orThrow();
        if (!state.needsApprovals()) {
            throw new ConflictException(rule.approvals() == 0
                    ? "Promotion to " + rule.name() + " needs no approval."
                    : state.isStarted()
                            ? "The release is already deploying to " + rule.name() + "."
                            : "Promotion to " + rule.name() + " already has the approvals it needs.");
        }
        PromotionApproval approval = new PromotionApproval();
        approval.releaseId = releaseId;
        approval.environment = rule.name();
        approval.approvedBy = actor.username();
        approval.approvedAt = now;
        approval.persistAndFlush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("environment", rule.name());
        after.put("approvals", state.approvals().size() + 1);
        after.put("required", rule.approvals());
        audit.record(actor, new AuditLog.Change("promotion.approved", "promotion-approval", approval.id, releaseId,
                null, after));
        return stateOf(release, rule, now);
    }

    private Rollout.EnvironmentState stateOf(ReleaseView release, EnvironmentRule rule, Instant now) {
        return states(release, now).get(rule.position());
    }

    /** The release's deployment reports and promotion approvals read together: the release page counts queries. */
    private List<Rollout.EnvironmentState> states(ReleaseView release, Instant now) {
        List<?> rows = Deployment.getEntityManager()
                .createNativeQuery("select 'report', id, environment, status, percentage, reference, url,"
                        + " cast(checks as text), reported_by, reported_at from deployment where release_id = :release"
                        + " union all select 'approval', id, environment, null, null, null, null, null, approved_by,"
                        + " approved_at from promotion_approval where release_id = :release order by 1 desc, 2")
                .setParameter("release", release.id())
                .getResultList();
        List<Rollout.Report> reports = new ArrayList<>();
        List<Rollout.Approval> approvals = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            Instant at = instant(c[9]);
            if ("approval".equals(c[0])) {
                approvals.add(new Rollout.Approval((String) c[2], (String) c[8], at));
            } else {
                reports.add(new Rollout.Report(((Number) c[1]).longValue(), (String) c[2],
                        DeploymentStatus.valueOf((String) c[3]), ((Number) c[4]).intValue(), (String) c[5],
                        (String) c[6], checks((String) c[7]), (String) c[8], at));
            }
        }
        return Rollout.of(environments.all(), reports, approvals, publishedAt(release), now);
    }

    private List<StepCheck> checks(String stored) {
        try {
            return List.of(json.readValue(stored, StepCheck[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable step checks " + stored, e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt
                ? odt.toInstant()
                : value instanceof Timestamp ts ? ts.toInstant() : (Instant) value;
    }

    private static Instant publishedAt(ReleaseView release) {
        return release.publication() == null ? null : release.publication().publishedAt();
    }

    private static void requireLive(ReleaseView release, String what) {
        if (release.state() != ReleaseState.PUBLISHED && release.state() != ReleaseState.VALIDATED) {
            throw new ConflictException(what + " for published releases; release " + release.id() + " is "
                    + release.state().label().toLowerCase(Locale.ROOT) + ".");
        }
    }

    private static DeploymentStatus status(String status) {
        try {
            return DeploymentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of " + Arrays.toString(DeploymentStatus.values())
                    .replaceAll("[\\[\\]]", ""));
        }
    }

    /** Greenlight's verdict on each measured check; checks come with a finished step, never with its start. */
    private List<StepCheck> judge(DeploymentStatus status, Map<String, String> measured) {
        if (measured == null || measured.isEmpty()) {
            return List.of();
        }
        if (status == DeploymentStatus.STARTED) {
            throw new InvalidInputException("checks", "are reported when the step succeeded or failed, not when it "
                    + "started");
        }
        List<StepCheck> checks = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        measured.forEach((id, text) -> {
            String field = "checks." + id;
            try {
                Check check = Check.fromId(id)
                        .filter(Check::isMeasured)
                        .orElseThrow(() -> new InvalidInputException(field,
                                "unknown check; measured checks are smoke-tests, error-rate, performance-regression"));
                BigDecimal value = MeasuredValue.parse(field, text);
                if (value == null) {
                    throw new InvalidInputException(field, "the measured " + check.unit() + " is required");
                }
                boolean passed = validation.passes(check, value);
                checks.add(new StepCheck(check.id(), check.label(), value, check.unit(), passed,
                        validation.threshold(check)));
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(new FieldError(field, error.message())));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        checks.sort(Comparator.comparing(c -> Check.fromId(c.check()).orElseThrow()));
        return List.copyOf(checks);
    }

    private static String failure(DeploymentStatus status, List<StepCheck> checks) {
        if (status == DeploymentStatus.FAILED) {
            return "The deployment failed.";
        }
        return "Failed: " + String.join(", ", checks.stream()
                .filter(c -> !c.passed())
                .map(c -> c.label() + " (" + c.value().stripTrailingZeros().toPlainString() + " " + c.unit()
                        + "; needs " + c.threshold() + ")")
                .toList()) + ".";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
