package dev.greenlight.emergency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** NeuronX's emergency rules ("Emergency Release Process") as configuration. */
@ConfigMapping(prefix = "greenlight.policy.emergency")
public interface EmergencyPolicy {

    /** How many engineering leaders must approve an emergency (none of them its requester or assessor). */
    @WithDefault("1")
    int leaderApprovals();

    /** How long after publishing the post-mortem is due. */
    @WithDefault("PT24H")
    Duration postMortemDue();
}
