package vn.gov.training.gateway.console;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The site root sends people to the console. */
@Path("/")
public class RootPage {

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/console")).build();
    }
}
