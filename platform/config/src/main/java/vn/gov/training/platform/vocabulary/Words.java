package vn.gov.training.platform.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The one vocabulary ({@code docs/vocabulary.properties}, which a module's build puts on its class path as
 * {@code vocabulary.properties}): the Vietnamese word of every code, report column and field, for the console and
 * the Excel files alike.
 */
public final class Words {

    private final Properties words;

    private Words(Properties words) {
        this.words = words;
    }

    /**
     * Reads the vocabulary from the class path of {@code reader}'s module (the application's own class loader: a
     * library's may not see the application's resources); fails when the module's build did not put it there.
     */
    public static Words load(Class<?> reader) {
        Properties words = new Properties();
        try (InputStream in = reader.getClassLoader().getResourceAsStream("vocabulary.properties")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary.properties is not on the class path");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Words(words);
    }

    /** The word of {@code key}, or null when the vocabulary has none. */
    public String find(String key) {
        return words.getProperty(key);
    }

    /** The word of {@code key}, or {@code fallback}. */
    public String word(String key, String fallback) {
        return words.getProperty(key, fallback);
    }

    /**
     * A level's name within its kind or programme category ({@code level.<kind>.<level>}: IT skills are basic or
     * advanced, "Nâng cao"), else the level's own word, else its code.
     */
    public String level(String kind, String level) {
        String special = kind == null ? null : find("level." + kind + "." + level);
        return special != null ? special : word(level, level);
    }
}
