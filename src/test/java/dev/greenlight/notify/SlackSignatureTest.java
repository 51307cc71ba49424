package dev.greenlight.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.greenlight.notify.SlackSignature.Verdict;

/** Slack's v0 request signature, without Quarkus. */
class SlackSignatureTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Duration SKEW = Duration.ofMinutes(5);
    /** The example of Slack's "Verifying requests from Slack" guide. */
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String TIMESTAMP = "1531420618";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant THEN = Instant.ofEpochSecond(1531420618 + 30);

    private static Verdict verify(String secret, String timestamp, String signature, String body, Instant now) {
        return SlackSignature.verify(secret, timestamp, signature, body.getBytes(StandardCharsets.UTF_8), now, SKEW);
    }

    @Test
    void slacksOwnExampleIsValid() {
        assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SIGNATURE);
        assertThat(verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN)).isEqualTo(Verdict.VALID);
    }

    @Test
    void wrongSecretIsRefused() {
        assertThat(verify("another-secret", TIMESTAMP, SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void tamperedBodyIsRefused() {
        assertThat(verify(SECRET, TIMESTAMP, SIGNATURE, BODY.replace("roadrunner", "coyote"), THEN))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void missingHeadersAreRefused() {
        assertThat(verify(SECRET, null, SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(verify(SECRET, TIMESTAMP, null, BODY, THEN)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(verify(SECRET, " ", "", BODY, THEN)).isEqualTo(Verdict.MISSING_HEADERS);
    }

    @Test
    void timestampsOlderThanFiveMinutesAreRefused() {
        assertThat(verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(270))).isEqualTo(Verdict.VALID);
        assertThat(verify(SECRET, TIMESTAMP, SIGNATURE, BODY, Instant.ofEpochSecond(1531420618 + 301)))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void timestampsMoreThanFiveMinutesAheadAreRefused() {
        assertThat(verify(SECRET, TIMESTAMP, SIGNATURE, BODY, Instant.ofEpochSecond(1531420618 - 301)))
                .isEqualTo(Verdict.FUTURE);
    }

    @Test
    void malformedSignaturesAndTimestampsAreRefused() {
        assertThat(verify(SECRET, TIMESTAMP, "v1=" + SIGNATURE.substring(3), BODY, THEN)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify(SECRET, TIMESTAMP, SIGNATURE.substring(0, 66), BODY, THEN)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify(SECRET, TIMESTAMP, "v0=" + "z".repeat(64), BODY, THEN)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify(SECRET, "yesterday", SIGNATURE, BODY, THEN)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void signatureDifferingInOneDigitIsRefused() {
        String last = SIGNATURE.endsWith("3") ? "4" : "3";
        assertThat(verify(SECRET, TIMESTAMP, SIGNATURE.substring(0, 66) + last, BODY, THEN))
                .isEqualTo(Verdict.MISMATCH);
    }
}
