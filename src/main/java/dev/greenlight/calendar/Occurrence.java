package dev.greenlight.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** One occurrence of a window's schedule: its local wall-clock times in the window's zone and the instants they are. */
public record Occurrence(LocalDateTime localStart, LocalDateTime localEnd, ZoneId zone, Instant start, Instant end) {

    boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    boolean overlaps(Occurrence other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
