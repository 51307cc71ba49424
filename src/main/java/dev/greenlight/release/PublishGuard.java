package dev.greenlight.release;

import java.time.Instant;

import dev.greenlight.security.Actor;

/**
 * Something that may forbid publishing at a given moment whatever the release's approvals (a change freeze). Features
 * implement it as beans; {@link ReleaseService#publish} asks every one in the publishing transaction, so that what a
 * guard records (a bypass) commits with the publication or not at all.
 */
public interface PublishGuard {

    /**
     * Throws a {@link dev.greenlight.common.ConflictException} saying why when the release may not be published at
     * {@code at}; returns normally when it may.
     */
    void check(Actor actor, ReleaseFacts release, Instant at);
}
