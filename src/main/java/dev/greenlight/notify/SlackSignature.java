package dev.greenlight.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body>} with the signing
 * secret, in {@code X-Slack-Signature}; the timestamp in {@code X-Slack-Request-Timestamp} must be recent.
 */
final class SlackSignature {
    private static final String VERSION = "v0";
    /** "v0=" and 64 hex digits. */
    private static final int SIGNATURE_LENGTH = 3 + 64;

    enum Verdict {
        VALID("valid"),
        MISSING_HEADERS("missing_headers"),
        MALFORMED("malformed_signature"),
        STALE("stale_timestamp"),
        FUTURE("future_timestamp"),
        MISMATCH("invalid_signature");

        private final String code;

        Verdict(String code) {
            this.code = code;
        }

        /** Slack-style error code for the answer. */
        String code() {
            return code;
        }
    }

    private SlackSignature() {
    }

    static Verdict verify(String secret, String timestamp, String signature, byte[] body, Instant now,
            Duration maxSkew) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (signature.length() != SIGNATURE_LENGTH || !signature.startsWith(VERSION + "=")
                || !isHex(signature.substring(3))) {
            return Verdict.MALFORMED;
        }
        long age = now.getEpochSecond() - seconds;
        if (age > maxSkew.toSeconds()) {
            return Verdict.STALE;
        }
        if (-age > maxSkew.toSeconds()) {
            return Verdict.FUTURE;
        }
        byte[] expected = sign(secret, timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The signature Slack would send for this body at this timestamp. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean isHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
