package dev.greenlight.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The standard-change lane: a release whose every condition holds has its review slots approved by Greenlight instead
 * of people (issue 21). Off unless a deployment turns it on, so that nobody's reviews disappear on an upgrade.
 */
@ConfigMapping(prefix = "greenlight.policy.standard-change")
public interface StandardChangePolicy {

    @WithDefault("false")
    boolean enabled();

    /** Bumps a release may contain and still qualify; any other bump (minor, major) goes to people. */
    @WithDefault("patch")
    List<String> allowedBumps();

    /**
     * Each package's change failure rate (releases rolled back or linked to an incident, of those published) over
     * {@link #window()} before the decision must be below this percentage.
     */
    @WithDefault("15")
    BigDecimal maxChangeFailureRate();

    /** How far back the change failure rate looks. */
    @WithDefault("P90D")
    Duration window();

    /** How far back the "what would the rule have done" page replays. */
    @WithDefault("P90D")
    Duration replayWindow();

    /** The most releases one replay judges, newest first: the page's cost stays bounded however busy the team. */
    @WithDefault("500")
    int replayLimit();
}
