package vn.gov.training.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar text (RFC 5545) by hand: CRLF line endings, content lines folded at 75 octets without splitting
 * a UTF-8 character, TEXT values escaped. Event times are local times of the province with
 * {@code TZID=Asia/Ho_Chi_Minh}, defined once by {@link #vietnamTimeZone()} (Vietnam keeps +07:00 all year, no DST);
 * DTSTAMP stays in UTC as RFC 5545 requires.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_OCTETS = 75;
    /** The province's zone as written in TZID parameters and the VTIMEZONE. */
    public static final String TZID = "Asia/Ho_Chi_Minh";

    private final StringBuilder text = new StringBuilder();

    public ICalendar begin(String component) {
        return line("BEGIN:" + component);
    }

    public ICalendar end(String component) {
        return line("END:" + component);
    }

    /** A property whose value is already in iCalendar form (no escaping). */
    public ICalendar raw(String name, String value) {
        return line(name + ":" + value);
    }

    /** A TEXT property, escaped per RFC 5545 3.3.11; nothing is written for a null or blank value. */
    public ICalendar text(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        return line(name + ":" + escape(value));
    }

    /** The VTIMEZONE of {@link #TZID}: one STANDARD component at +07:00 (no daylight saving since 1975). */
    public ICalendar vietnamTimeZone() {
        return begin("VTIMEZONE")
                .raw("TZID", TZID)
                .begin("STANDARD")
                .raw("DTSTART", "19750613T000000")
                .raw("TZOFFSETFROM", "+0700")
                .raw("TZOFFSETTO", "+0700")
                .raw("TZNAME", "ICT")
                .end("STANDARD")
                .end("VTIMEZONE");
    }

    /** A DATE-TIME property as a local time of the province: {@code NAME;TZID=Asia/Ho_Chi_Minh:yyyyMMddTHHmmss}. */
    public ICalendar local(String name, LocalDateTime local) {
        return line(name + ";TZID=" + TZID + ":" + LOCAL.format(local));
    }

    /** A DATE property (all-day): {@code NAME;VALUE=DATE:yyyyMMdd}. */
    public ICalendar date(String name, LocalDate date) {
        return line(name + ";VALUE=DATE:" + DATE.format(date));
    }

    /** A DATE-TIME property in UTC, from a local time in the given zone offset rules. */
    public ICalendar utc(String name, LocalDateTime local, ZoneId zone) {
        return line(name + ":" + UTC.format(local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC)));
    }

    public ICalendar utc(String name, OffsetDateTime time) {
        return line(name + ":" + UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        String normalized = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Appends one content line, folded: each physical line is at most 75 octets, continuations start with a space. */
    private ICalendar line(String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int charCount = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                text.append("\r\n ");
                octets = 1;
            }
            text.appendCodePoint(codePoint);
            octets += size;
            i += charCount;
        }
        text.append("\r\n");
        return this;
    }
}
