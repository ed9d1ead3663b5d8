package vn.gov.training.gateway.console;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Vietnamese formats for the templates: {@code {x.date}} → 30/06/2022, {@code {x.vnd}} → 1.500.000 ₫. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    /** What people type: 30/06/2022 or 3/6/2022; 31/02/2022 is refused, not made 28/02. */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Formats() {
    }

    /** Today in Viet Nam, whatever zone the server runs in (the services answer by the same calendar). */
    public static LocalDate today() {
        return LocalDate.now(PROVINCE_ZONE);
    }

    /** An ISO date (or date-time) as dd/MM/yyyy; anything else unchanged. */
    public static String date(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        try {
            if (text.length() > 10 && text.charAt(10) == 'T') {
                // an instant is shown on the province's calendar, not the server's or UTC's
                return OffsetDateTime.parse(text).atZoneSameInstant(PROVINCE_ZONE).format(DATE);
            }
            return LocalDate.parse(text, ISO).format(DATE);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    public static String number(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        try {
            double number = Double.parseDouble(value.toString());
            DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("vi-VN"));
            symbols.setGroupingSeparator('.');
            symbols.setDecimalSeparator(',');
            return new DecimalFormat("#,##0.##", symbols).format(number);
        } catch (NumberFormatException e) {
            return value.toString();
        }
    }

    public static String vnd(Object value) {
        String number = number(value);
        return number.isEmpty() ? "" : number + "\u00a0₫"; // no break between the amount and its unit
    }

    public static String label(Object code) {
        return Labels.of(code);
    }

    /** A level's name within its kind or category ({@code {l.level.levelIn(l.kind)}}: IT "Nâng cao", not "Cao cấp"). */
    public static String levelIn(Object level, Object kind) {
        return Labels.level(kind, level);
    }

    /** The name of a unit code ({@code {p.orgUnitCode.unitName}}), of a title, rank or job position. */
    public static String unitName(Object code) {
        return vocabulary().name(Vocabulary.Kind.UNITS, code);
    }

    public static String titleName(Object code) {
        return vocabulary().name(Vocabulary.Kind.TITLES, code);
    }

    public static String rankName(Object code) {
        return vocabulary().name(Vocabulary.Kind.RANKS, code);
    }

    public static String jobPositionName(Object code) {
        return vocabulary().name(Vocabulary.Kind.JOB_POSITIONS, code);
    }

    /** The name of a code of a picker's kind (units, titles, ranks, job-positions) ({@code {code.nameOf(kind)}}). */
    public static String nameOf(Object code, String kind) {
        Vocabulary.Kind k = Vocabulary.Kind.of(kind);
        return k == null || code == null ? (code == null ? "" : code.toString()) : vocabulary().name(k, code);
    }

    private static Vocabulary vocabulary() {
        return io.quarkus.arc.Arc.container().instance(Vocabulary.class).get();
    }

    public static String commitmentState(Object code) {
        return Labels.commitmentState(code);
    }

    /** Why a person left ({@code {p.leftReason.leftLabel}}; not named leftReason, which would hide the record's key). */
    public static String leftLabel(Object code) {
        return Labels.leftReason(code);
    }

    /** A yearly rating ({@code {r.rating.ratingLabel}}). */
    public static String ratingLabel(Object code) {
        return Labels.rating(code);
    }

    public static String repaymentStatus(Object code) {
        return Labels.repaymentStatus(code);
    }

    /** URL-encoded text for a query parameter ({@code {path.urlEncoded}}). */
    public static String urlEncoded(Object value) {
        return value == null ? "" : java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Vietnamese label of a field name ({@code {e.field.fieldLabel}}). */
    public static String fieldLabel(Object field) {
        return field == null ? "" : Labels.field(field.toString());
    }

    /** A dd/MM/yyyy date typed in a form as ISO (2022-06-30), or null when empty; invalid text stays as typed. */
    public static String toIso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = parseDate(text);
        return date == null ? text.strip() : date.format(ISO);
    }

    /** A typed dd/MM/yyyy date, or null when it is no date of the calendar (31/02/2022, 2022-06-30, "abc"). */
    public static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), TYPED);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An instant (ISO date-time with an offset) as the time and date in Viet Nam: 14:05 02/12/2026. */
    public static String dateTime(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(value.toString()).atZoneSameInstant(PROVINCE_ZONE).format(TIME);
        } catch (DateTimeParseException e) {
            return date(value);
        }
    }
}
