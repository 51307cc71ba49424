package dev.greenlight.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.greenlight.release.ReleaseView;

/**
 * A month of the change calendar as weeks of days (Monday first), each day with the freezes in force on it (by the
 * window's local dates) and the releases published on it (UTC).
 */
public record MonthGrid(YearMonth month, String title, String previous, String next, List<String> weekdays,
        List<List<Day>> weeks) {

    /** Something on a day: a freeze occurrence or a published release. */
    public record Entry(String kind, String text, String href) {
    }

    public record Day(LocalDate date, boolean inMonth, boolean today, List<Entry> entries) {
        public int number() {
            return date.getDayOfMonth();
        }

        public String label() {
            return date.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH));
        }
    }

    static LocalDate firstDay(YearMonth month) {
        return month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static LocalDate lastDay(YearMonth month) {
        return month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /** The instants the grid's days span, with a day either side for zones away from UTC. */
    static Instant rangeStart(YearMonth month) {
        return firstDay(month).minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Instant rangeEnd(YearMonth month) {
        return lastDay(month).plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static MonthGrid of(YearMonth month, LocalDate today, List<FreezeService.Frozen> freezes,
            List<ReleaseView> published) {
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        for (LocalDate d = firstDay(month); !d.isAfter(lastDay(month)); d = d.plusDays(1)) {
            List<Entry> entries = new ArrayList<>();
            for (FreezeService.Frozen f : freezes) {
                if (covers(f.occurrence(), d)) {
                    entries.add(new Entry("freeze", "Freeze: " + f.window().reason(), "#freeze-" + f.window().id()));
                }
            }
            for (ReleaseView r : published) {
                if (r.publication().publishedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(d)) {
                    entries.add(new Entry("release", "#" + r.id() + " " + r.title(), "/releases/" + r.id()));
                }
            }
            week.add(new Day(d, YearMonth.from(d).equals(month), d.equals(today), entries));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        List<String> weekdays = new ArrayList<>();
        for (DayOfWeek dow : DayOfWeek.values()) {
            weekdays.add(dow.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        return new MonthGrid(month, month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)),
                month.minusMonths(1).toString(), month.plusMonths(1).toString(), weekdays, weeks);
    }

    /** A day is frozen when the occurrence holds any part of it, in the window's own calendar. */
    private static boolean covers(Occurrence o, LocalDate day) {
        LocalDate first = o.localStart().toLocalDate();
        LocalDate last = o.localEnd().toLocalTime().equals(LocalTime.MIDNIGHT)
                ? o.localEnd().toLocalDate().minusDays(1)
                : o.localEnd().toLocalDate();
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
