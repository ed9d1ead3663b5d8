package vn.gov.training.gateway.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.proxy.RouteTable;

/**
 * Where a role lands and works: staff on their own record (with their requests to be sent on a course), institution
 * staff on their institution's classes of this month; the admin's dead-letter topics with a re-drive.
 */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class WorkPages {

    @Inject
    ServiceClient api;
    @Inject
    ConsoleContext console;
    @Inject
    StaffPages staff;
    @Location("console/my-classes.html")
    Template myClasses;
    @Location("console/no-record.html")
    Template noRecord;
    @Location("console/dead-letters.html")
    Template deadLetters;

    /** "Hồ sơ của tôi": the person's own record, levels, training history, and their requests. */
    @GET
    @Path("me")
    public TemplateInstance me() {
        String self = console.getViewer().personnelId();
        if (self == null || self.isBlank()) {
            return noRecord.instance();
        }
        return staff.show(self).data("self", true)
                .data("requests", requests(api.get(Q.of().p("size", 20).on("/api/enrolment-requests"))));
    }

    /** The institution's classes that run this month (a class that overlaps the month), each with its sheets. */
    @GET
    @Path("my-classes")
    public TemplateInstance classes() {
        LocalDate today = Formats.today();
        LocalDate first = today.withDayOfMonth(1);
        LocalDate last = today.withDayOfMonth(today.lengthOfMonth());
        String institution = console.getViewer().institution();
        ApiResult found = api.get(Q.of().p("institution", institution).p("from", first).p("to", last).p("size", 100)
                .on("/api/classes"));
        return myClasses.data("found", found).data("from", first).data("to", last).data("institution", institution);
    }

    /** The staff's requests with the class each is for (the request holds only ids). */
    List<Map<String, Object>> requests(ApiResult answer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Map<String, Object>> classes = new LinkedHashMap<>();
        Map<String, String> people = new LinkedHashMap<>();
        for (Map<String, Object> request : answer.items()) {
            Map<String, Object> row = new LinkedHashMap<>(request);
            String classId = String.valueOf(request.get("classId"));
            row.put("class", classes.computeIfAbsent(classId, id -> api.get("/api/classes/" + Q.enc(id)).map()));
            String personnelId = String.valueOf(request.get("personnelId"));
            row.put("personName", people.computeIfAbsent(personnelId, id -> {
                ApiResult p = api.get("/api/personnel/" + Q.enc(id));
                return p.ok() ? String.valueOf(p.map().get("fullName")) : "";
            }));
            rows.add(row);
        }
        return rows;
    }

    /** What each service holds on its dead-letter topics (admin only, as the services enforce). */
    List<Map<String, Object>> deadLetterTopics() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String service : RouteTable.SERVICES) {
            ApiResult states = api.getFrom(service, "/api/admin/dead-letters");
            if (!states.ok()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("service", service);
                row.put("problem", states.message());
                rows.add(row);
                continue;
            }
            for (Map<String, Object> state : states.<Map<String, Object>>bodyList()) {
                Map<String, Object> row = new LinkedHashMap<>(state);
                row.put("service", service);
                rows.add(row);
            }
        }
        return rows;
    }

    @POST
    @Path("dead-letters/{service}/{topic}/redrive")
    public TemplateInstance redrive(@PathParam("service") String service, @PathParam("topic") String topic) {
        if (!RouteTable.SERVICES.contains(service)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        ApiResult result = api.postTo(service, "/api/admin/dead-letters/" + Q.enc(topic) + "/redrive");
        Object sent = result.map().get("redriven");
        return Fragments.message(result, "Đã gửi lại " + Formats.number(sent) + " bản ghi để xử lý lại.");
    }
}
