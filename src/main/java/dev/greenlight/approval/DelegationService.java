package dev.greenlight.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.policy.ReviewRequirements;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.SegregationOfDuties;
import dev.greenlight.security.Actor;
import dev.greenlight.security.People;
import dev.greenlight.security.Role;

/**
 * Review delegations: a reviewer away hands their slots of one role to another person of that role for a range of
 * days (UTC). The delegate reviews in their own name, as the role already lets them; each approval they give while
 * the delegation holds records whom they stood in for, unless segregation of duties excludes the delegator from the
 * release (a delegation never carries a review to a release its delegator may not review).
 */
@ApplicationScoped
public class DelegationService {
    /** The longest delegation: a holiday, not a permanent hand-over (that is a role change). */
    static final int MAX_DAYS = 92;

    private final People people;
    private final ReviewRequirements requirements;
    private final Inputs inputs;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    DelegationService(People people, ReviewRequirements requirements, Inputs inputs, AuditLog audit, Clock clock) {
        this.people = people;
        this.requirements = requirements;
        this.inputs = inputs;
        this.audit = audit;
        this.clock = clock;
    }

    /** The roles that fill review slots, in policy order. */
    public Set<Role> reviewerRoles() {
        Set<Role> roles = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            if (!requirements.fillableBy(role::equals).isEmpty()) {
                roles.add(role);
            }
        }
        return roles;
    }

    @Transactional
    public DelegationView delegate(Actor actor, DelegationInput input) {
        inputs.check(input);
        Role role = Role.fromClaim(input.role().strip())
                .orElseThrow(() -> new InvalidInputException("role", "unknown role " + input.role()));
        String delegate = input.delegate().strip();
        DelegationPermissions.delegate(actor, role, reviewerRoles(), delegate,
                people.find(delegate).map(People.Entry::roles)).orThrow();
        LocalDate start = date("startsOn", input.startsOn());
        LocalDate end = date("endsOn", input.endsOn());
        if (end.isBefore(start)) {
            throw new InvalidInputException("endsOn", "must not be before the first day");
        }
        if (end.isBefore(today())) {
            throw new InvalidInputException("endsOn", "must not be in the past");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new InvalidInputException("endsOn", "a delegation lasts at most " + MAX_DAYS + " days");
        }
        List<ReviewDelegation> overlap = ReviewDelegation.overlapping(actor.username(), role.claim(), start, end);
        if (!overlap.isEmpty()) {
            ReviewDelegation other = overlap.get(0);
            throw new ConflictException("You already delegated your " + role.label().toLowerCase() + " reviews to "
                    + other.delegate + " from " + other.startsOn + " to " + other.endsOn
                    + "; revoke it first or choose other days.");
        }
        ReviewDelegation delegation = new ReviewDelegation();
        delegation.delegator = actor.username();
        delegation.delegate = delegate;
        delegation.role = role.claim();
        delegation.startsOn = start;
        delegation.endsOn = end;
        delegation.reason = input.reason().isBlank() ? null : input.reason().strip();
        delegation.createdAt = clock.instant();
        delegation.persistAndFlush();
        audit.record(actor, new AuditLog.Change("delegation.created", "review-delegation", delegation.id, null, null,
                snapshot(delegation)));
        return view(actor, delegation);
    }

    @Transactional
    public void revoke(Actor actor, long id) {
        ReviewDelegation delegation = ReviewDelegation.<ReviewDelegation>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Delegation", id));
        DelegationPermissions.revoke(actor, delegation.delegator).orThrow();
        if (delegation.revokedAt != null) {
            throw new ConflictException("This delegation was already revoked by " + delegation.revokedBy + ".");
        }
        Map<String, Object> before = snapshot(delegation);
        delegation.revokedAt = clock.instant();
        delegation.revokedBy = actor.username();
        audit.record(actor, new AuditLog.Change("delegation.revoked", "review-delegation", delegation.id, null,
                before, snapshot(delegation)));
    }

    /** The delegations the person gave or holds that are not over yet, soonest first. */
    public List<DelegationView> concerning(Actor actor) {
        return ReviewDelegation.concerning(actor.username(), today()).stream().map(d -> view(actor, d)).toList();
    }

    /**
     * Whom the approver stands in for when they fill a slot of this role on the release today: the first delegator
     * whose delegation holds and whom segregation of duties does not exclude from the release; else empty.
     */
    Optional<String> standingInFor(String approver, Role role, ReleaseFacts release) {
        return ReviewDelegation.heldBy(approver, today())
                .stream()
                .filter(d -> d.role.equals(role.claim()))
                .map(d -> d.delegator)
                .filter(delegator -> SegregationOfDuties.refusal(release, delegator, "") == null)
                .findFirst();
    }

    private DelegationView view(Actor viewer, ReviewDelegation d) {
        return new DelegationView(d.id, d.delegator, d.delegate,
                Role.fromClaim(d.role).map(Role::label).orElse(d.role), d.startsOn, d.endsOn, d.reason,
                DelegationPermissions.revoke(viewer, d.delegator));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date like 2026-12-24");
        }
    }

    private static Map<String, Object> snapshot(ReviewDelegation d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("delegator", d.delegator);
        state.put("delegate", d.delegate);
        state.put("role", d.role);
        state.put("startsOn", d.startsOn.toString());
        state.put("endsOn", d.endsOn.toString());
        state.put("reason", d.reason);
        state.put("revokedBy", d.revokedBy);
        return state;
    }
}
