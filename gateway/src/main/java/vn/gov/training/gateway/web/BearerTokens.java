package vn.gov.training.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;

/**
 * A look at a bearer token before quarkus-oidc sees it: a token that is not a JWS signed with one of Keycloak's
 * asymmetric algorithms (three base64url parts, a JSON header with such an {@code alg}, a JSON payload, a signature)
 * is refused at once. So an unsigned ({@code alg: none}) or malformed token never reaches the introspection endpoint
 * and logs nothing; a well-formed one is verified by quarkus-oidc against the realm's keys as before.
 */
public final class BearerTokens {

    private static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA");
    private static final Pattern BASE64URL = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final int MAX_LENGTH = 16_384;

    private BearerTokens() {
    }

    /** Whether an {@code Authorization} header value may be a token of the realm. */
    public static boolean plausible(String authorization) {
        if (authorization == null || authorization.length() > MAX_LENGTH
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (!BASE64URL.matcher(part).matches()) {
                return false; // the signature must not be empty either
            }
        }
        JsonObject header = json(parts[0]);
        return header != null && ALGORITHMS.contains(String.valueOf(header.getValue("alg"))) && json(parts[1]) != null;
    }

    private static JsonObject json(String part) {
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
