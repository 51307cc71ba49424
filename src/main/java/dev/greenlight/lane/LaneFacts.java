package dev.greenlight.lane;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rule judges a release on, gathered from the features that own each fact.
 *
 * @param bumps each package the release ships with its bump (patch, minor, major), in plan order
 * @param gates each required gate with its state (PASSED, FAILED, MISSING, BYPASSED), in policy order
 * @param securityFixes how many of its changesets are security fixes
 * @param changeFailureRates each package's change failure rate in percent over the window; null: none published
 * @param freeze the freeze window covering the release's packages, if any
 */
record LaneFacts(Map<String, String> bumps, Map<String, String> gates, long securityFixes,
        Map<String, BigDecimal> changeFailureRates, Optional<String> freeze) {

    List<String> packages() {
        return List.copyOf(bumps.keySet());
    }
}
