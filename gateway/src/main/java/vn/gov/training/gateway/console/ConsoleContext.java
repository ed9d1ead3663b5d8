package vn.gov.training.gateway.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** What every console page shows around its content: who is signed in, the CSRF token; {@code {inject:console.*}}. */
@RequestScoped
@Named("console")
public class ConsoleContext {

    @Inject
    SecurityIdentity identity;
    /** The access token (quarkus-oidc injects it so in the code flow too; the ID token would be {@code @IdToken}). */
    @Inject
    JsonWebToken accessToken;
    @Inject
    RoutingContext routing;

    private Viewer viewer;

    public Viewer getViewer() {
        if (viewer == null) {
            viewer = Viewer.of(identity, accessToken);
        }
        return viewer;
    }

    public String getCsrf() {
        Object token = routing.get(Csrf.PROPERTY);
        return token == null ? "" : token.toString();
    }

    /** hx-headers JSON of the page body. */
    public String getHxHeaders() {
        return "{\"X-CSRF-Token\": \"" + getCsrf() + "\"}";
    }

    public int getYear() {
        return Formats.today().getYear();
    }
}
