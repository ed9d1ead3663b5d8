package vn.gov.training.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses an identity whose Keycloak session has ended ({@link EndedSessions}): a saved copy of the session cookie
 * then gets the login page (console) or a 401 problem (API), and so does a bearer token of that session.
 */
@ApplicationScoped
public class EndedSessionCheck implements SecurityIdentityAugmentor {

    private final EndedSessions ended;

    public EndedSessionCheck(EndedSessions ended) {
        this.ended = ended;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE; // before the other augmentors: nothing more is done for an ended session
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (ended.isEnded(EndedSessions.sessionIdOf(identity))) {
            return Uni.createFrom().failure(new AuthenticationFailedException(new SessionEndedException()));
        }
        return Uni.createFrom().item(identity);
    }
}
