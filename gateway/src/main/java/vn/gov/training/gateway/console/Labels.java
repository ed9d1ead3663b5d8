package vn.gov.training.gateway.console;

import vn.gov.training.platform.vocabulary.Words;

/**
 * Vietnamese words for the codes and field names the services use, from the one vocabulary of the system
 * ({@code docs/vocabulary.properties}, packaged as {@code vocabulary.properties}: the Excel files of reporting-service
 * read the same file). An unknown code is shown as it is.
 */
public final class Labels {

    private static final Words WORDS = Words.load(Labels.class);

    private Labels() {
    }

    public static String of(Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString();
        return WORDS.word(key, key);
    }

    /** A level's name within its kind or programme category: IT skills are basic or advanced ("Nâng cao"). */
    public static String level(Object kind, Object level) {
        if (level == null) {
            return "";
        }
        return WORDS.level(kind == null ? null : kind.toString(), level.toString());
    }

    public static String commitmentState(Object code) {
        return code == null ? "" : WORDS.word("commitment." + code, code.toString());
    }

    public static String repaymentStatus(Object code) {
        return code == null ? "" : WORDS.word("repayment." + code, code.toString());
    }

    /** Why a person left (RETIRED is "Ngừng sử dụng" for a programme, "Nghỉ hưu" for a person). */
    public static String leftReason(Object code) {
        return code == null ? "" : WORDS.word("left." + code, code.toString());
    }

    /** A yearly rating (EXCELLENT is "Xuất sắc" as a grade, "Hoàn thành xuất sắc nhiệm vụ" as a rating). */
    public static String rating(Object code) {
        return code == null ? "" : WORDS.word("rating." + code, code.toString());
    }

    public static String field(String name) {
        return WORDS.word("field." + name, name);
    }

    /** A report column's heading by its key in the reports' JSON; else the field's name; else the key. */
    public static String heading(String key) {
        String heading = WORDS.find("heading." + key);
        return heading != null ? heading : field(key);
    }
}
