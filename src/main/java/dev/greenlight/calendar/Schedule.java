package dev.greenlight.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * When a freeze window is in force: a first occurrence from a local start to a local end in an IANA zone, repeated by
 * an optional RFC 5545 RRULE. Occurrences are computed in local wall-clock time and only then placed in the zone, so a
 * Friday 18:00 to Monday 08:00 window keeps those hours across a daylight-saving change (its length in hours changes
 * instead), as iCalendar does with a TZID. Rules are expanded lazily, only within the range asked for.
 */
public final class Schedule {
    /** Characters of an RRULE value; real rules are well under a hundred. */
    public static final int MAX_RULE_CHARS = 500;
    private static final Set<Freq> FREQUENCIES = Set.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);
    /** Instances the rule iterator may skip before the range (fast-forwarding does most of it). */
    private static final int MAX_SKIPPED = 10_000;

    private final LocalDateTime start;
    private final long minutes;
    private final ZoneId zone;
    private final RecurrenceRule rule;

    private Schedule(LocalDateTime start, LocalDateTime end, ZoneId zone, RecurrenceRule rule) {
        this.start = start;
        this.minutes = ChronoUnit.MINUTES.between(start, end);
        this.zone = zone;
        this.rule = rule;
    }

    /** A refused rule, with the sentence to show beside the field. */
    public static final class InvalidRule extends Exception {
        InvalidRule(String message) {
            super(message);
        }
    }

    public static Schedule oneOff(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        return new Schedule(start, end, zone, null);
    }

    /**
     * The schedule of a window repeated by {@code rrule} (the value of an RRULE line, e.g.
     * {@code FREQ=WEEKLY;BYDAY=FR}), refused unless it repeats daily, weekly, monthly or yearly, the start is its first
     * occurrence, and one occurrence ends before the next begins.
     */
    public static Schedule recurring(LocalDateTime start, LocalDateTime end, ZoneId zone, String rrule)
            throws InvalidRule {
        if (rrule.length() > MAX_RULE_CHARS) {
            throw new InvalidRule("must be at most " + MAX_RULE_CHARS + " characters");
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(rrule, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw new InvalidRule("is not an RFC 5545 recurrence rule (e.g. FREQ=WEEKLY;BYDAY=FR): " + e.getMessage());
        }
        if (!FREQUENCIES.contains(rule.getFreq())) {
            throw new InvalidRule("must repeat DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        if (rule.getUntil() != null && !rule.getUntil().isFloating() && !rule.getUntil().isAllDay()) {
            throw new InvalidRule("UNTIL must be a local date or date-time in the window's time zone"
                    + " (UNTIL=20261231 or UNTIL=20261231T235900), without Z");
        }
        Schedule schedule = new Schedule(start, end, zone, rule);
        RecurrenceRuleIterator it;
        try {
            it = rule.iterator(floating(start));
            if (!it.hasNext() || !local(it.nextDateTime()).equals(start)) {
                throw new InvalidRule("must have the start as its first occurrence (a Friday start for BYDAY=FR)");
            }
            if (it.hasNext() && local(it.nextDateTime()).isBefore(schedule.localEnd(start))) {
                throw new InvalidRule("repeats before an occurrence ends: make the window shorter than the interval");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidRule("cannot be expanded: " + e.getMessage());
        }
        return schedule;
    }

    public boolean recurs() {
        return rule != null;
    }

    /** The rule as it is stored and written to iCalendar feeds, or empty for a one-off window. */
    public Optional<String> rule() {
        return Optional.ofNullable(rule).map(RecurrenceRule::toString);
    }

    /** The first occurrence. */
    public Occurrence first() {
        return occurrence(start);
    }

    /** The occurrences that overlap {@code [from, to)}, in order, at most {@code limit}. */
    public List<Occurrence> between(Instant from, Instant to, int limit) {
        List<Occurrence> found = new ArrayList<>();
        if (rule == null) {
            Occurrence only = first();
            if (only.start().isBefore(to) && only.end().isAfter(from)) {
                found.add(only);
            }
            return found;
        }
        RecurrenceRuleIterator it = rule.iterator(floating(start));
        // occurrences that began up to one window's length (and a day of offset changes) before the range may reach it
        LocalDateTime skipTo = LocalDateTime.ofInstant(from, zone).minusMinutes(minutes).minusDays(1);
        if (skipTo.isAfter(start)) {
            it.fastForward(floating(skipTo));
        }
        int skipped = 0;
        while (it.hasNext() && found.size() < limit) {
            Occurrence next = occurrence(local(it.nextDateTime()));
            if (!next.start().isBefore(to)) {
                break;
            }
            if (next.end().isAfter(from)) {
                found.add(next);
            } else if (++skipped > MAX_SKIPPED) {
                break;
            }
        }
        return found;
    }

    /** The occurrence in force at {@code at}, if any. */
    public Optional<Occurrence> at(Instant at) {
        return between(at, at.plusMillis(1), 1).stream().findFirst();
    }

    private Occurrence occurrence(LocalDateTime localStart) {
        LocalDateTime localEnd = localEnd(localStart);
        return new Occurrence(localStart, localEnd, zone, localStart.atZone(zone).toInstant(),
                localEnd.atZone(zone).toInstant());
    }

    private LocalDateTime localEnd(LocalDateTime localStart) {
        return localStart.plusMinutes(minutes);
    }

    private static DateTime floating(LocalDateTime t) {
        return new DateTime(t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond());
    }

    private static LocalDateTime local(DateTime t) {
        return LocalDateTime.of(t.getYear(), t.getMonth() + 1, t.getDayOfMonth(), t.getHours(), t.getMinutes(),
                t.getSeconds());
    }
}
