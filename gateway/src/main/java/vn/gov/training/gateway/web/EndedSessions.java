package vn.gov.training.gateway.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.JsonObject;

/**
 * Keycloak sessions that have ended, by their {@code sid}: after {@code /logout} (RP-initiated) or a back-channel
 * logout from Keycloak (an admin ended the user's sessions, or the user logged out elsewhere). The session cookie
 * and the tokens in it are self-contained and stay valid until they expire, so a saved copy of the cookie would
 * still work; {@link EndedSessionCheck} refuses every identity whose ID or access token carries an ended {@code sid}.
 * An entry is kept for {@code training.gateway.ended-session-retention} (longer than any token of the realm lives;
 * after that a copied cookie can only be refreshed, which Keycloak refuses for an ended session). In memory: one
 * gateway instance; several instances would need a shared store or the back-channel call sent to each.
 */
@ApplicationScoped
public class EndedSessions {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);
    private static final int MAX_ENTRIES = 1_000_000;

    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    private final long retentionNanos;

    public EndedSessions(
            @ConfigProperty(name = "training.gateway.ended-session-retention", defaultValue = "1H") Duration retention) {
        this.retentionNanos = retention.toNanos();
    }

    public void end(String sid, String reason) {
        if (sid == null || sid.isBlank()) {
            return;
        }
        long now = System.nanoTime();
        if (ended.size() > MAX_ENTRIES / 2) {
            ended.values().removeIf(until -> until - now < 0);
        }
        if (ended.size() < MAX_ENTRIES) {
            ended.put(sid, now + retentionNanos);
            LOG.infof("session ended (%s); later requests with its cookie or tokens are refused", reason);
        }
    }

    public boolean isEnded(String sid) {
        if (sid == null) {
            return false;
        }
        Long until = ended.get(sid);
        if (until == null) {
            return false;
        }
        if (until - System.nanoTime() < 0) {
            ended.remove(sid, until);
            return false;
        }
        return true;
    }

    void onOidcEvent(@Observes SecurityEvent event) {
        switch (event.getEventType()) {
            case OIDC_LOGOUT_RP_INITIATED, OIDC_LOGOUT_RP_INITIATED_SESSION_EXPIRED ->
                    end(sessionIdOf(event.getSecurityIdentity()), "logout");
            case OIDC_BACKCHANNEL_LOGOUT_INITIATED -> end(sessionIdOfLogoutToken(
                    event.getEventProperties().get("logout_token")), "back-channel logout");
            default -> {
            }
        }
    }

    /** The Keycloak session of an identity: {@code sid} of its principal (ID token or access token), else of its tokens. */
    public static String sessionIdOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("sid") != null) {
            return jwt.getClaim("sid").toString();
        }
        IdTokenCredential id = identity.getCredential(IdTokenCredential.class);
        String sid = id == null ? null : claim(id.getToken(), "sid");
        if (sid == null) {
            AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
            sid = access == null ? null : claim(access.getToken(), "sid");
        }
        return sid;
    }

    private static String sessionIdOfLogoutToken(Object token) {
        if (token != null && token.getClass().getName().equals("io.quarkus.oidc.runtime.TokenVerificationResult")) {
            // quarkus-oidc 3.34 passes its verification result, whose verified claims are not public: read them
            try {
                var field = token.getClass().getDeclaredField("localVerificationResult");
                field.setAccessible(true);
                token = field.get(token);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warnf("cannot read the back-channel logout token's claims (%s): only quarkus-oidc's own one-time "
                        + "check ends the session", e.getClass().getSimpleName());
                return null;
            }
        }
        if (token instanceof JsonObject claims) {
            return claims.getString("sid");
        }
        if (token instanceof JsonWebToken jwt && jwt.getClaim("sid") != null) {
            return jwt.getClaim("sid").toString();
        }
        if (token instanceof CharSequence text) {
            String value = text.toString();
            return value.chars().filter(c -> c == '.').count() == 2 ? claim(value, "sid")
                    : new JsonObject(value).getString("sid");
        }
        return null;
    }

    /** A claim of a JWT's payload (the token has been verified by quarkus-oidc already). */
    static String claim(String jwt, String name) {
        try {
            String[] parts = jwt.split("\\.");
            if (parts.length < 2) {
                return null;
            }
            JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            Object value = payload.getValue(name);
            return value == null ? null : value.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
