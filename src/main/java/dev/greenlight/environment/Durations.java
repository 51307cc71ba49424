package dev.greenlight.environment;

import java.time.Duration;

/** Durations in words for pages and refusals. */
final class Durations {

    private Durations() {
    }

    /** "none", "1 minute", "2 hours 5 minutes"; seconds round up to the next minute. */
    static String words(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return "none";
        }
        long minutes = duration.plusSeconds(59).toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        StringBuilder words = new StringBuilder();
        append(words, days, "day");
        append(words, hours, "hour");
        append(words, rest, "minute");
        return words.toString();
    }

    private static void append(StringBuilder words, long count, String unit) {
        if (count == 0) {
            return;
        }
        if (!words.isEmpty()) {
            words.append(' ');
        }
        words.append(count).append(' ').append(unit).append(count == 1 ? "" : "s");
    }
}
