package vn.gov.training.platform.web;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import vn.gov.training.platform.problem.ProblemException;

/**
 * A NUL character in a path segment or a query parameter ({@code %00}) is refused before any resource sees it:
 * PostgreSQL cannot store or compare it, so it would end as a 500 deep in a query. (Request bodies are checked by
 * {@link StrictJson}.) A {@code page} beyond {@link #MAX_PAGE} is refused too: its offset would overflow.
 */
public class RequestText {

    /** The last page number a list accepts (pages count from 0; with at most 200 a page, 20 million rows). */
    public static final long MAX_PAGE = 100_000;

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (hasNul(uri.getRawPath()) || hasNul(uri.getRawQuery())) {
            throw new ProblemException(400, "nul-character");
        }
        for (String page : request.getUriInfo().getQueryParameters().getOrDefault("page", java.util.List.of())) {
            boolean digits = !page.isEmpty() && page.chars().allMatch(Character::isDigit);
            if (page.length() > 7 || digits && Long.parseLong(page) > MAX_PAGE) {
                throw new ProblemException(400, "invalid-parameter");
            }
        }
    }

    static boolean hasNul(String raw) {
        return raw != null && (raw.indexOf('\u0000') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00"));
    }
}
