package vn.gov.training.gateway.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Any console address no page answers: the Vietnamese not-found page in the layout (by {@code ProblemMappers}),
 * not the browser's own 404 or a bare problem document.
 */
@Path("/console")
public class NotFoundPage {

    @GET
    @Path("{unknown: .+}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public String unknown() {
        throw new NotFoundException();
    }
}
