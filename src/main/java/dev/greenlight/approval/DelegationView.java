package dev.greenlight.approval;

import java.time.LocalDate;

import dev.greenlight.common.Decision;

/** A delegation as the delegations page shows it, with whether the viewer may revoke it and why not. */
public record DelegationView(long id, String delegator, String delegate, String roleLabel, LocalDate startsOn,
        LocalDate endsOn, String reason, Decision revoke) {
}
