package dev.greenlight.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts {@link FakeSlack} and points the Slack SDK at it. */
public class FakeSlackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("greenlight.slack.methods-endpoint-url-prefix", FakeSlack.start().url());
    }

    @Override
    public void stop() {
        FakeSlack.shutdown();
    }
}
