package vn.gov.training.course.service;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar text (RFC 5545) by hand: CRLF line endings, content lines folded at 75 octets without splitting
 * a UTF-8 character, TEXT values escaped. Times are written in UTC so that no VTIMEZONE is needed.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int MAX_OCTETS = 75;

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

    static String escape(String value) {
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
