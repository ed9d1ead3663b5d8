package vn.gov.training.platform.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * A row's cells read as the types the import files share; an unreadable cell is a {@link CellError} added to the
 * row's list and a null value, so one pass reports every unreadable cell of a row.
 */
public final class Cells {

    /** Vietnamese dates: day/month/year, leading zeros optional; 31/02 does not exist. */
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Cells() {
    }

    /**
     * A date cell: dd/MM/yyyy, ISO (an Excel date cell is read as ISO by {@link TabularFile}); null when empty, an
     * error {@code date-format} and null when unreadable.
     */
    public static LocalDate date(TabularFile.Row row, String field, List<CellError> errors) {
        String text = row.cell(field);
        if (text == null) {
            return null;
        }
        try {
            return date(text);
        } catch (DateTimeParseException e) {
            errors.add(new CellError(field, "date-format", text));
            return null;
        }
    }

    /** A date written dd/MM/yyyy (leading zeros optional) or ISO; {@link DateTimeParseException} otherwise. */
    public static LocalDate date(String text) {
        return text.contains("/") ? LocalDate.parse(text, VN_DATE) : LocalDate.parse(text);
    }
}
