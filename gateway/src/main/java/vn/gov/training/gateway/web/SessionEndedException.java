package vn.gov.training.gateway.web;

/**
 * The identity's Keycloak session has ended ({@link EndedSessions}): the cause of the authentication failure, so that
 * {@link ErrorHandling} sends a browser to the login page again.
 */
public class SessionEndedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionEndedException() {
        super("the session has ended", null, false, false);
    }
}
