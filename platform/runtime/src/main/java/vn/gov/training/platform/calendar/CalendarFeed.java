package vn.gov.training.platform.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The services' iCalendar feeds (RFC 5545), built with ical4j: a calendar to publish with the province's time zone,
 * event times as local times of the province ({@code TZID=Asia/Ho_Chi_Minh}), and the feed's text.
 */
public final class CalendarFeed {

    /** The province's zone as written in TZID parameters and the VTIMEZONE. */
    public static final String TZID = "Asia/Ho_Chi_Minh";
    private static final ZoneId PROVINCE = ZoneId.of(TZID);
    private static final int MAX_OCTETS = 75;

    private CalendarFeed() {
    }

    /**
     * A calendar to publish under {@code name}, with the VTIMEZONE of {@link #TZID}: one STANDARD component at
     * +07:00 (Vietnam has kept +07:00 without daylight saving since 1975).
     */
    public static Calendar publish(String prodId, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new ProdId(prodId));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty("X-WR-CALNAME", clean(name)));
        calendar.add(new XProperty("X-WR-TIMEZONE", TZID));
        Standard standard = new Standard();
        standard.add(new DtStart<>("19750613T000000"));
        standard.add(new TzOffsetFrom(ZoneOffset.ofHours(7)));
        standard.add(new TzOffsetTo(ZoneOffset.ofHours(7)));
        standard.add(new TzName("ICT"));
        VTimeZone zone = new VTimeZone();
        zone.add(new TzId(TZID));
        zone.add(standard);
        calendar.add(zone);
        return calendar;
    }

    /** A local time of the province; ical4j writes it {@code ;TZID=Asia/Ho_Chi_Minh:yyyyMMddTHHmmss}. */
    public static ZonedDateTime local(LocalDateTime time) {
        return time.atZone(PROVINCE);
    }

    /** Adds the TEXT property {@code property} makes of {@code value}; nothing for a null or blank value. */
    public static void addText(Component component, Function<String, ? extends Property> property, String value) {
        if (value != null && !value.isBlank()) {
            component.add(property.apply(clean(value)));
        }
    }

    /**
     * The calendar's text, CRLF-ended lines folded at 75 octets. ical4j folds at 73 characters, and a Vietnamese
     * letter takes two or three octets in UTF-8: the lines are written unfolded and folded here by octets.
     */
    public static String write(Calendar calendar) {
        StringWriter unfolded = new StringWriter();
        try {
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, unfolded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder folded = new StringBuilder();
        for (String line : unfolded.toString().split("\r\n")) {
            fold(line, folded);
        }
        return folded.toString();
    }

    /** Line breaks as {@code \n} (ical4j escapes it), other control characters left out. */
    private static String clean(String value) {
        StringBuilder cleaned = new StringBuilder(value.length());
        value.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .filter(c -> c >= 0x20 || c == '\t' || c == '\n')
                .forEach(cleaned::appendCodePoint);
        return cleaned.toString();
    }

    /** Appends one content line: each physical line at most 75 octets, continuations start with a space. */
    private static void fold(String content, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
