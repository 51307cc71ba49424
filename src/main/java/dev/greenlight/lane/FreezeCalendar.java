package dev.greenlight.lane;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether a freeze window covers a release's packages at an instant: the lane never approves a release in a freeze.
 * The change calendar (issue 21, point 1) provides the real one; until it does, {@link NoFreezeCalendar} answers.
 */
public interface FreezeCalendar {

    /** The name of a freeze window covering any of these packages at {@code at}, as people know it; empty when none. */
    Optional<String> covers(Collection<String> packages, Instant at);
}
