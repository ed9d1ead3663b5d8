package vn.gov.training.gateway.console;

import java.util.LinkedHashMap;
import java.util.Map;

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
import vn.gov.training.gateway.console.client.CourseApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/** Catalogue: programmes and classes with filters, a class with its sessions and calendar download. */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CataloguePages {

    private static final String INVALID_DATE = "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy (ví dụ 30/06/2022).";

    @Inject
    CourseApi course;
    @Inject
    ServiceAnswers answers;
    @Location("console/catalogue.html")
    Template catalogue;
    @Location("console/class.html")
    Template classPage;

    @GET
    @Path("catalogue")
    public TemplateInstance catalogue(@QueryParam("q") String q, @QueryParam("category") String category,
            @QueryParam("status") @DefaultValue("OPEN") String status, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ApiResult programs = answers.of(course.programs(Params.filled(q), Params.filled(category), "PUBLISHED", 50));
        Map<String, String> invalid = invalidDates(from, to);
        ApiResult classes = invalid.isEmpty() ? answers.of(course.classes(Params.filled(category), null,
                Formats.parseDate(from), Formats.parseDate(to), Params.filled(status), null, 50))
                : ApiResult.invalid(invalid);
        return catalogue.data("programs", programs).data("classes", classes).data("q", q == null ? "" : q)
                .data("category", category).data("status", status).data("from", from).data("to", to);
    }

    /** The dates typed that are no day of the calendar: nothing is asked of the service with them. */
    private static Map<String, String> invalidDates(String from, String to) {
        Map<String, String> invalid = new LinkedHashMap<>();
        if (from != null && !from.isBlank() && Formats.parseDate(from) == null) {
            invalid.put("from", INVALID_DATE);
        }
        if (to != null && !to.isBlank() && Formats.parseDate(to) == null) {
            invalid.put("to", INVALID_DATE);
        }
        return invalid;
    }

    @GET
    @Path("classes/{id}")
    public TemplateInstance showClass(@PathParam("id") String id) {
        ApiResult cls = answers.of(course.schoolClass(Params.id(id)));
        // ClassView carries the programme as of the version the class was scheduled with
        Object program = cls.map().get("program");
        return classPage.data("id", id).data("cls", cls).data("c", cls.map())
                .data("program", program instanceof java.util.Map<?, ?> m ? m : java.util.Map.of())
                .data("sessions", cls.map().getOrDefault("sessions", java.util.List.of()));
    }
}
