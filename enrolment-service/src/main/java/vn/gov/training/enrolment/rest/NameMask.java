package vn.gov.training.enrolment.rest;

import vn.gov.training.platform.text.VietnameseText;

/** "Nguyễn Thị Hồng Khang" → "Nguyễn T. H. Khang": family and given name kept, middle names as initials. */
public final class NameMask {

    private NameMask() {
    }

    public static String mask(String fullName) {
        String[] words = VietnameseText.normalize(fullName).split(" ");
        if (words.length <= 2) {
            return words.length == 1 ? words[0].charAt(0) + "." : words[0].charAt(0) + ". " + words[1];
        }
        StringBuilder masked = new StringBuilder(words[0]);
        for (int i = 1; i < words.length - 1; i++) {
            masked.append(' ').append(words[i].codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
        }
        return masked.append(' ').append(words[words.length - 1]).toString();
    }
}
