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

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
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
                return OffsetDateTime.parse(text).format(DATE);
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

    public static String commitmentState(Object code) {
        return Labels.commitmentState(code);
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
        try {
            return LocalDate.parse(text.strip(), DATE).format(ISO);
        } catch (DateTimeParseException e) {
            return text.strip();
        }
    }
}
