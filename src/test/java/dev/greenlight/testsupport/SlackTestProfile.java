package dev.greenlight.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Greenlight talking to {@link FakeSlack}, with timings shrunk so that fault tests run in seconds: 10 ms pace per
 * channel, 20–200 ms backoff, 500 ms HTTP timeout, 3 s leases. The scheduled relay is off; tests run relays themselves.
 */
public class SlackTestProfile implements QuarkusTestProfile {
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("greenlight.slack.bot-token", FakeSlack.TOKEN),
                Map.entry("greenlight.slack.signing-secret", SIGNING_SECRET),
                Map.entry("greenlight.slack.relay.enabled", "false"),
                Map.entry("greenlight.slack.relay.pace", "PT0.01S"),
                Map.entry("greenlight.slack.relay.backoff-base", "PT0.02S"),
                Map.entry("greenlight.slack.relay.backoff-max", "PT0.2S"),
                Map.entry("greenlight.slack.relay.http-timeout", "PT0.5S"),
                Map.entry("greenlight.slack.relay.lease", "PT3S"),
                Map.entry("greenlight.slack.relay.max-attempts", "6"),
                Map.entry("greenlight.slack.interactions.lookup-timeout", "PT0.5S"),
                Map.entry("greenlight.slack.channels.\"gate.failed\"", "#gates"),
                Map.entry("greenlight.slack.channels.\"emergency.assessed\"", "#security"),
                Map.entry("greenlight.slack.channels.\"post-mortem.due\"", "#post-mortems"),
                Map.entry("greenlight.slack.mentions.code-reviewer", "<!subteam^S0CODE>"),
                Map.entry("greenlight.slack.mentions.engineering-leader", "<!subteam^S0LEADS>"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeSlackResource.class));
    }
}
