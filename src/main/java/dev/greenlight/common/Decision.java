package dev.greenlight.common;

import java.util.Objects;
import java.util.function.Function;

/**
 * A permission's answer: may the actor do this, and if not, why (a sentence the user can act on). Each feature's
 * {@code XxxPermissions} class returns these; services enforce them, pages and Slack show the reason instead of a button.
 */
public record Decision(boolean allowed, String reason) {
    private static final Decision ALLOWED = new Decision(true, "");

    public Decision {
        Objects.requireNonNull(reason, "reason");
        if (!allowed && reason.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    public static Decision allow() {
        return ALLOWED;
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }

    public boolean denied() {
        return !allowed;
    }

    /** The first refusal of {@code this} and {@code next}, or allowed when both allow. */
    public Decision and(Decision next) {
        return denied() ? this : next;
    }

    /** Throws a {@link ForbiddenActionException} with the reason when refused. */
    public void orThrow() {
        orThrow(ForbiddenActionException::new);
    }

    /** Throws the refusal {@code kind} makes of the reason (a conflict for a state rule, say) when refused. */
    public void orThrow(Function<String, ? extends DomainException> kind) {
        if (denied()) {
            throw kind.apply(reason);
        }
    }
}
