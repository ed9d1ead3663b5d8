package vn.gov.training.reporting.service;

import java.util.Arrays;

import vn.gov.training.platform.vocabulary.Words;

/**
 * Vietnamese names of the codes and columns the reports show, from the one vocabulary of the system
 * ({@code docs/vocabulary.properties}, packaged as {@code vocabulary.properties}; the console reads the same file):
 * programme categories, qualification kinds and levels, staff categories, funding sources, delivery modes, statuses,
 * titles and report columns. A report never shows a code where a name exists ({@code BASIC},
 * {@code DEPARTMENT_DEPUTY_DIRECTOR}).
 */
public final class Labels {

    private static final Words WORDS = Words.load(Labels.class);

    private Labels() {
    }

    public static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        return WORDS.word(code, code);
    }

    /** A level's name within its kind or programme category: IT skills are basic or advanced ("Nâng cao"). */
    public static String level(String kind, String level) {
        if (level == null || level.isEmpty()) {
            return "";
        }
        return WORDS.level(kind, level);
    }

    /** A report column's heading by its key in the report's JSON, as the console shows it too. */
    public static String heading(String key) {
        return WORDS.word("heading." + key, key);
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
