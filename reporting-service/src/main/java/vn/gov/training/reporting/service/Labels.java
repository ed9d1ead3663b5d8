package vn.gov.training.reporting.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * Vietnamese names of the codes and columns the reports show, from the one vocabulary of the system
 * ({@code docs/vocabulary.properties}, packaged as {@code vocabulary.properties}; the console reads the same file):
 * programme categories, qualification kinds and levels, staff categories, funding sources, delivery modes, statuses,
 * titles and report columns. A report never shows a code where a name exists ({@code BASIC},
 * {@code DEPARTMENT_DEPUTY_DIRECTOR}).
 */
public final class Labels {

    private static final Properties WORDS = load();

    private Labels() {
    }

    private static Properties load() {
        Properties words = new Properties();
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream("vocabulary.properties")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary.properties is not on the class path");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    public static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        return WORDS.getProperty(code, code);
    }

    /** A level's name within its kind or programme category: IT skills are basic or advanced ("Nâng cao"). */
    public static String level(String kind, String level) {
        if (level == null || level.isEmpty()) {
            return "";
        }
        String special = kind == null ? null : WORDS.getProperty("level." + kind + "." + level);
        return special != null ? special : of(level);
    }

    /** A report column's heading by its key in the report's JSON, as the console shows it too. */
    public static String heading(String key) {
        return WORDS.getProperty("heading." + key, key);
    }

    /** The heading of a money column in an Excel file: the console's heading with its unit. */
    public static String vndHeading(String key) {
        return heading(key) + " (đồng)";
    }

    /** A list of codes ("DIVISION_HEAD, DEPARTMENT_DEPUTY_DIRECTOR") as their names, in the same order. */
    public static String list(String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        return String.join(", ", Arrays.stream(codes.split(",")).map(String::strip).map(Labels::of).toList());
    }
}
