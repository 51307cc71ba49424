package dev.greenlight.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Greenlight with the standard-change lane on and approvals expiring after 14 days (both off by default). */
public class StandardChangeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("greenlight.policy.standard-change.enabled", "true",
                "greenlight.policy.standard-change.max-change-failure-rate", "20",
                "greenlight.policy.approval-max-age", "P14D");
    }
}
