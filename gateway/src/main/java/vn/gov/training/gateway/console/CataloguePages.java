package vn.gov.training.gateway.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Catalogue: programmes and classes with filters, a class with its sessions and calendar download. */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CataloguePages {

    @Inject
    ServiceClient api;
    @Location("console/catalogue.html")
    Template catalogue;
    @Location("console/class.html")
    Template classPage;

    @GET
    @Path("catalogue")
    public TemplateInstance catalogue(@QueryParam("q") String q, @QueryParam("category") String category,
            @QueryParam("status") @DefaultValue("OPEN") String status, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ApiResult programs = api.get(Q.of().p("q", q).p("category", category).p("status", "PUBLISHED").p("size", 50)
                .on("/api/programs"));
        ApiResult classes = api.get(Q.of().p("category", category).p("status", status)
                .p("from", Formats.toIso(from)).p("to", Formats.toIso(to)).p("size", 50).on("/api/classes"));
        return catalogue.data("programs", programs).data("classes", classes).data("q", q == null ? "" : q)
                .data("category", category).data("status", status).data("from", from).data("to", to);
    }

    @GET
    @Path("classes/{id}")
    public TemplateInstance showClass(@PathParam("id") String id) {
        ApiResult cls = api.get("/api/classes/" + Q.enc(id));
        // ClassView carries the programme as of the version the class was scheduled with
        Object program = cls.map().get("program");
        return classPage.data("id", id).data("cls", cls).data("c", cls.map())
                .data("program", program instanceof java.util.Map<?, ?> m ? m : java.util.Map.of())
                .data("sessions", cls.map().getOrDefault("sessions", java.util.List.of()));
    }
}
