package dev.greenlight.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDateTime FRIDAY = LocalDateTime.parse("2026-03-20T18:00");
    private static final LocalDateTime MONDAY = LocalDateTime.parse("2026-03-23T08:00");

    private static Schedule weekendFreeze() throws Schedule.InvalidRule {
        return Schedule.recurring(FRIDAY, MONDAY, BERLIN, "FREQ=WEEKLY;BYDAY=FR");
    }

    @Test
    void aWeekendWindowKeepsItsWallClockHoursAcrossTheSpringChange() throws Exception {
        // Berlin moves from CET (+1) to CEST (+2) on Sunday 29 March 2026
        List<Occurrence> around = weekendFreeze().between(Instant.parse("2026-03-26T00:00:00Z"),
                Instant.parse("2026-03-31T00:00:00Z"), 10);
        assertThat(around).hasSize(1);
        Occurrence o = around.get(0);
        assertThat(o.localStart()).isEqualTo(LocalDateTime.parse("2026-03-27T18:00"));
        assertThat(o.localEnd()).isEqualTo(LocalDateTime.parse("2026-03-30T08:00"));
        assertThat(o.start()).isEqualTo(Instant.parse("2026-03-27T17:00:00Z"));
        assertThat(o.end()).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofHours(61));
    }

    @Test
    void andAcrossTheAutumnChange() throws Exception {
        // back from CEST to CET on Sunday 25 October 2026: the window lasts an hour longer
        Occurrence o = weekendFreeze().between(Instant.parse("2026-10-22T00:00:00Z"),
                Instant.parse("2026-10-24T00:00:00Z"), 10).get(0);
        assertThat(o.start()).isEqualTo(Instant.parse("2026-10-23T16:00:00Z"));
        assertThat(o.end()).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofHours(63));
    }

    @Test
    void theInstantsAtTheEdgesAreInsideOrOutsideByLocalTime() throws Exception {
        Schedule s = weekendFreeze();
        // 07:59 CEST on the Monday after the change is still frozen, 08:00 is not
        assertThat(s.at(Instant.parse("2026-03-30T05:59:00Z"))).isPresent();
        assertThat(s.at(Instant.parse("2026-03-30T06:00:00Z"))).isEmpty();
        // 17:59 CET on the Friday before is not frozen yet, 18:00 is
        assertThat(s.at(Instant.parse("2026-03-27T16:59:00Z"))).isEmpty();
        assertThat(s.at(Instant.parse("2026-03-27T17:00:00Z"))).isPresent();
    }

    @Test
    void aRuleWithoutEndIsExpandedOnlyWithinTheRangeAskedFor() throws Exception {
        long began = System.nanoTime();
        List<Occurrence> far = weekendFreeze().between(Instant.parse("2036-01-01T00:00:00Z"),
                Instant.parse("2036-02-01T00:00:00Z"), 500);
        assertThat(far).hasSize(4);
        assertThat(far.get(0).localStart()).isEqualTo(LocalDateTime.parse("2036-01-04T18:00"));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
        // and never more than the limit
        assertThat(weekendFreeze().between(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2036-01-01T00:00:00Z"), 7)).hasSize(7);
    }

    @Test
    void countAndLocalUntilEndTheRule() throws Exception {
        Schedule counted = Schedule.recurring(FRIDAY, MONDAY, BERLIN, "FREQ=WEEKLY;BYDAY=FR;COUNT=2");
        assertThat(counted.between(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), 50))
                .hasSize(2);
        Schedule until = Schedule.recurring(FRIDAY, MONDAY, BERLIN, "FREQ=WEEKLY;BYDAY=FR;UNTIL=20260403T180000");
        assertThat(until.between(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), 50))
                .extracting(Occurrence::localStart)
                .containsExactly(FRIDAY, LocalDateTime.parse("2026-03-27T18:00"),
                        LocalDateTime.parse("2026-04-03T18:00"));
    }

    @Test
    void refusedRulesSayWhy() {
        assertThatThrownBy(() -> Schedule.recurring(FRIDAY, MONDAY, BERLIN, "FREQ=WEEKLY;BYDAY=XX"))
                .hasMessageContaining("RFC 5545");
        assertThatThrownBy(() -> Schedule.recurring(FRIDAY, MONDAY, BERLIN, "FREQ=HOURLY"))
                .hasMessageContaining("DAILY, WEEKLY, MONTHLY or YEARLY");
        assertThatThrownBy(() -> Schedule.recurring(FRIDAY, MONDAY, BERLIN, "FREQ=WEEKLY;BYDAY=MO"))
                .hasMessageContaining("start as its first occurrence");
        assertThatThrownBy(() -> Schedule.recurring(FRIDAY, MONDAY, BERLIN, "FREQ=DAILY"))
                .hasMessageContaining("repeats before an occurrence ends");
        assertThatThrownBy(() -> Schedule.recurring(FRIDAY, MONDAY, BERLIN,
                "FREQ=WEEKLY;BYDAY=FR;UNTIL=20261231T230000Z")).hasMessageContaining("without Z");
        assertThatThrownBy(() -> Schedule.recurring(FRIDAY, MONDAY, BERLIN,
                "FREQ=WEEKLY;BYDAY=FR;X-PAD=" + "x".repeat(Schedule.MAX_RULE_CHARS)))
                .hasMessageContaining("at most 500 characters");
    }

    @Test
    void aOneOffWindowIsOneOccurrence() {
        Schedule s = Schedule.oneOff(LocalDateTime.parse("2026-12-23T18:00"), LocalDateTime.parse("2027-01-04T08:00"),
                BERLIN);
        assertThat(s.recurs()).isFalse();
        assertThat(s.at(Instant.parse("2026-12-31T12:00:00Z"))).isPresent();
        assertThat(s.at(Instant.parse("2027-01-04T07:00:00Z"))).isEmpty();
    }
}
