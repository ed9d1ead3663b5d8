package vn.gov.training.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets of calendar subscription URLs (the only credential a calendar app sends): 32 random bytes, URL-safe
 * Base64 without padding (43 characters); services store only the SHA-256 hash (hex).
 */
public final class FeedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer input is no secret of ours: not even hashed. */
    public static final int MAX_LENGTH = 100;

    private FeedSecrets() {
    }

    public static String generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean plausible(String secret) {
        return secret != null && !secret.isEmpty() && secret.length() <= MAX_LENGTH;
    }
}
