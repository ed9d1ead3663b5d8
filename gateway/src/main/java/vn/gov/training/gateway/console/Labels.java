package vn.gov.training.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Vietnamese words for the codes and field names the services use, from the one vocabulary of the system
 * ({@code docs/vocabulary.properties}, packaged as {@code vocabulary.properties}: the Excel files of reporting-service
 * read the same file). An unknown code is shown as it is.
 */
public final class Labels {

    private static final Properties WORDS = load();

    private Labels() {
    }

    static Properties load() {
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

    public static String of(Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString();
        return WORDS.getProperty(key, key);
    }

    /** A level's name within its kind or programme category: IT skills are basic or advanced ("Nâng cao"). */
    public static String level(Object kind, Object level) {
        if (level == null) {
            return "";
        }
        String special = kind == null ? null : WORDS.getProperty("level." + kind + "." + level);
        return special != null ? special : of(level);
    }

    public static String commitmentState(Object code) {
        return code == null ? "" : WORDS.getProperty("commitment." + code, code.toString());
    }

    public static String repaymentStatus(Object code) {
        return code == null ? "" : WORDS.getProperty("repayment." + code, code.toString());
    }

    /** Why a person left (RETIRED is "Ngừng sử dụng" for a programme, "Nghỉ hưu" for a person). */
    public static String leftReason(Object code) {
        return code == null ? "" : WORDS.getProperty("left." + code, code.toString());
    }

    /** A yearly rating (EXCELLENT is "Xuất sắc" as a grade, "Hoàn thành xuất sắc nhiệm vụ" as a rating). */
    public static String rating(Object code) {
        return code == null ? "" : WORDS.getProperty("rating." + code, code.toString());
    }

    public static String field(String name) {
        return WORDS.getProperty("field." + name, name);
    }

    /** A report column's heading by its key in the reports' JSON; else the field's name; else the key. */
    public static String heading(String key) {
        String heading = WORDS.getProperty("heading." + key);
        return heading != null ? heading : field(key);
    }
}
