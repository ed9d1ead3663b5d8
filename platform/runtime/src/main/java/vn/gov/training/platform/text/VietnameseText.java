package vn.gov.training.platform.text;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text the way users expect it: stored NFC-normalised, searched without case or diacritics
 * ("nguyen thi hong khang" finds "Nguyễn Thị Hồng Khang", "d" finds "đ"), names sorted by given name first.
 */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private VietnameseText() {
    }

    /** NFC form, trimmed, inner white space collapsed to one space; null stays null. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }

    /**
     * The search key of a text: lower case, no diacritics, đ as d, single spaces. The same function must build
     * stored keys and query keys so that they match.
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(normalize(text), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
    }

    /** The given name: the last word of a Vietnamese full name ("Khang" in "Nguyễn Thị Hồng Khang"). */
    public static String givenName(String fullName) {
        String normalized = normalize(fullName);
        int space = normalized.lastIndexOf(' ');
        return space < 0 ? normalized : normalized.substring(space + 1);
    }

    /** A sort key that orders full names by given name, then by the rest, folded so the database can sort it. */
    public static String nameSortKey(String fullName) {
        String normalized = normalize(fullName);
        int space = normalized.lastIndexOf(' ');
        String rest = space < 0 ? "" : normalized.substring(0, space);
        return fold(givenName(normalized)) + " " + fold(rest);
    }

    /** Orders texts such as unit or programme names by Vietnamese collation (a, ă, â, b, ..., đ after d). */
    public static Comparator<String> textOrder() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return Comparator.comparing(VietnameseText::normalize, collator);
    }

    /** Orders full names as Vietnamese users expect: given name first, then family and middle names. */
    public static Comparator<String> nameOrder() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return Comparator.comparing(VietnameseText::givenName, collator)
                .thenComparing(VietnameseText::normalize, collator);
    }
}
