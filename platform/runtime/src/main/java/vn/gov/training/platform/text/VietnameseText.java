package vn.gov.training.platform.text;

import java.io.ByteArrayOutputStream;
import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text the way users expect it: stored NFC-normalised, searched without case or diacritics
 * ("nguyen thi hong khang" finds "Nguyễn Thị Hồng Khang", "d" finds "đ"), names sorted by given name first, the
 * Vietnamese way.
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

    /**
     * The stored key that orders full names as Vietnamese users expect, compared as unsigned bytes (PostgreSQL
     * {@code bytea}): by given name, then by family and middle names, each by Vietnamese collation — a < ă < â,
     * d < đ, a tone after its letters (An < Án < Anh < Ân), case ignored.
     */
    public static byte[] nameSortKey(String fullName) {
        String normalized = normalize(fullName);
        int space = normalized.lastIndexOf(' ');
        String rest = space < 0 ? "" : normalized.substring(0, space);
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.SECONDARY);
        byte[] given = collator.getCollationKey(givenName(normalized)).toByteArray();
        byte[] others = collator.getCollationKey(rest).toByteArray();
        // The given name's key, its zero bytes escaped as 00 FF, ends with 00 00: that sorts below anything a longer
        // key could continue with, so the family name decides only between equal given names.
        ByteArrayOutputStream key = new ByteArrayOutputStream(given.length + others.length + 8);
        for (byte b : given) {
            key.write(b);
            if (b == 0) {
                key.write(0xFF);
            }
        }
        key.write(0);
        key.write(0);
        key.writeBytes(others);
        return key.toByteArray();
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
