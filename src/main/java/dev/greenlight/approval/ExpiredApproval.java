package dev.greenlight.approval;

import java.time.Instant;

/** An approval that aged out while its release waited in review: who, which slot, when it was given. */
public record ExpiredApproval(String approver, String slot, Instant decidedAt) {
}
