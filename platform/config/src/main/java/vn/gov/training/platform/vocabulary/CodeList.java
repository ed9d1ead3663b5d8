package vn.gov.training.platform.vocabulary;

import java.util.List;

/**
 * A list of codes the services' APIs and events share, such as the staff categories. {@code labelPrefix} is where
 * the codes' Vietnamese words are in the vocabulary ({@code "commitment."} for commitment.ACTIVE, {@code ""} for
 * plain keys); null when the codes are not shown by a word of the vocabulary (their texts live with their owner).
 */
public record CodeList(String name, String labelPrefix, List<String> codes) {

    public CodeList {
        codes = List.copyOf(codes);
    }

    static CodeList labelled(String name, String... codes) {
        return new CodeList(name, "", List.of(codes));
    }

    /** Codes whose words are under {@code labelPrefix} in the vocabulary, where the bare code means something else. */
    static CodeList prefixed(String name, String labelPrefix, String... codes) {
        return new CodeList(name, labelPrefix, List.of(codes));
    }

    static CodeList unlabelled(String name, String... codes) {
        return new CodeList(name, null, List.of(codes));
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }

    /** The vocabulary key of {@code code}'s word, or null when this list's codes have none. */
    public String labelKey(String code) {
        return labelPrefix == null ? null : labelPrefix + code;
    }
}
