package vn.gov.training.platform.imports;

import java.util.HashMap;
import java.util.Map;

import vn.gov.training.platform.text.VietnameseText;

/**
 * The codes of one code list as a file's cell may give them: the code itself or one of its Vietnamese words, ignoring
 * case, diacritics, '_' and '-' ("trung cap" and "INTERMEDIATE" are both INTERMEDIATE).
 */
public final class CodeWords {

    private final Map<String, String> codes = new HashMap<>();

    /** Adds a code with its words; a null word is skipped. */
    public CodeWords add(String code, String... words) {
        codes.put(fold(code), code);
        for (String word : words) {
            if (word != null) {
                codes.put(fold(word), code);
            }
        }
        return this;
    }

    /** The code a cell names, or null when it names none (or is empty). */
    public String code(String cell) {
        return cell == null ? null : codes.get(fold(cell));
    }

    private static String fold(String text) {
        return VietnameseText.fold(text).replace('_', ' ').replace('-', ' ');
    }
}
