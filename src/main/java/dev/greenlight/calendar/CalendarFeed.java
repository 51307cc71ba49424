package dev.greenlight.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /calendar.ics}: the freeze windows as an RFC 5545 calendar for people's calendar apps, each window one event
 * with its TZID and RRULE. It needs the same sign-in as the pages (a session or a bearer token): freeze reasons are
 * internal, so there is no unauthenticated feed.
 */
@Path("/calendar.ics")
class CalendarFeed {
    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final FreezeService freezes;
    private final Clock clock;
    private final String host;

    @Inject
    CalendarFeed(FreezeService freezes, Clock clock, @ConfigProperty(name = "greenlight.base-url") String baseUrl) {
        this.freezes = freezes;
        this.clock = clock;
        this.host = URI.create(baseUrl).getHost();
    }

    @GET
    @Produces(MEDIA_TYPE)
    public Response feed() {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Greenlight//Change calendar//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:Greenlight change freezes");
        Instant now = clock.instant();
        for (FreezeView w : freezes.windows()) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:freeze-" + w.id() + "@" + host);
            line(ics, "DTSTAMP:" + UTC.format(now));
            line(ics, "LAST-MODIFIED:" + UTC.format(w.updatedAt()));
            line(ics, "DTSTART;TZID=" + w.timeZone() + ":" + LOCAL.format(w.start()));
            if (w.recurrence() == null) {
                line(ics, "DTEND;TZID=" + w.timeZone() + ":" + LOCAL.format(w.end()));
            } else {
                // nominal days: each repetition ends at the same wall-clock time whatever daylight saving does
                line(ics, "DURATION:" + nominal(w.start(), w.end()));
                line(ics, "RRULE:" + w.recurrence());
            }
            line(ics, "SUMMARY:" + text("Freeze: " + w.reason()));
            line(ics, "DESCRIPTION:" + text("Change freeze covering " + w.scopeText().toLowerCase()
                    + ". Only an emergency approved by engineering leadership may be published meanwhile."));
            line(ics, "CATEGORIES:FREEZE");
            line(ics, "TRANSP:TRANSPARENT");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return Response.ok(ics.toString().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"greenlight-freezes.ics\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** P2DT14H for Friday 18:00 to Monday 08:00. */
    static String nominal(LocalDateTime start, LocalDateTime end) {
        long minutes = ChronoUnit.MINUTES.between(start, end);
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        StringBuilder d = new StringBuilder("P");
        if (days > 0) {
            d.append(days).append('D');
        }
        if (hours > 0 || rest > 0) {
            d.append('T');
            if (hours > 0) {
                d.append(hours).append('H');
            }
            if (rest > 0) {
                d.append(rest).append('M');
            }
        }
        return d.toString();
    }

    /** An RFC 5545 TEXT value: backslash, semicolon, comma and newlines escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets, as RFC 5545 section 3.1 requires, with CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); i++) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
        out.append("\r\n");
    }
}
