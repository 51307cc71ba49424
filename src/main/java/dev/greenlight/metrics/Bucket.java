package dev.greenlight.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How metrics are grouped: ISO weeks starting Monday 00:00 UTC, or calendar months in UTC. */
public enum Bucket {
    WEEK,
    MONTH;

    String sqlUnit() {
        return name().toLowerCase();
    }

    /** The first day of the period that contains {@code day}. */
    LocalDate startOf(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    LocalDate next(LocalDate start) {
        return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    static Bucket parse(String value) {
        if (value == null || value.isBlank()) {
            return WEEK;
        }
        return switch (value.strip().toLowerCase()) {
            case "week" -> WEEK;
            case "month" -> MONTH;
            default -> null;
        };
    }
}
