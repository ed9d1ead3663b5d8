package vn.gov.training.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A keyed pseudonym of a personal identification number: HMAC-SHA256 with the key
 * {@code training.national-id.digest-key} (the same in every service that matches people by national ID),
 * base64url without padding. Events never carry the national ID; they carry this digest, from which the number cannot
 * be recovered without the key (a plain hash of 12 digits could be reversed by trying them all). A service that is
 * given a national ID (an import file) finds the person by the digest of it.
 */
public final class NationalIdDigest {

    /** The development key; production sets {@code TRAINING_NATIONAL_ID_DIGEST_KEY}. */
    static final String DEV_KEY = "training-dev-national-id-digest-key";

    private static volatile SecretKeySpec key;
    /** One initialised MAC per thread: an import digests every row's national ID. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    });

    private NationalIdDigest() {
    }

    /** The digest of a national ID (stripped); null for null or blank. */
    public static String of(String nationalId) {
        if (nationalId == null || nationalId.isBlank()) {
            return null;
        }
        byte[] digest = MAC.get().doFinal(nationalId.strip().getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            String configured = ConfigProvider.getConfig()
                    .getOptionalValue("training.national-id.digest-key", String.class).orElse(DEV_KEY);
            k = new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
