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
import vn.gov.training.gateway.console.client.CourseApi;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;
import vn.gov.training.gateway.console.client.ServiceClients;
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
    PersonnelApi personnel;
    @Inject
    CourseApi course;
    @Inject
    EnrolmentApi enrolment;
    @Inject
    ServiceClients services;
    @Inject
    ServiceAnswers answers;
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
        List<Map<String, Object>> requests = requests(answers.of(enrolment.requests(null, 50)));
        ApiResult history = answers.of(enrolment.trainingHistory(Params.id(self)));
        return staff.show(self).data("self", true).data("requests", requests)
                .data("openClasses", openClasses(requests, history));
    }

    /**
     * The classes the person may ask for today: open, within their registration window, not already asked for
     * (a request still pending) and not already on their record.
     */
    List<Map<String, Object>> openClasses(List<Map<String, Object>> requests, ApiResult history) {
        LocalDate today = Formats.today();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Map<String, Object> r : requests) {
            if ("PENDING".equals(r.get("status"))) {
                taken.add(String.valueOf(r.get("classId")));
            }
        }
        for (Map<String, Object> e : history.list("entries")) {
            taken.add(String.valueOf(e.get("classId")));
        }
        List<Map<String, Object>> open = new ArrayList<>();
        for (Map<String, Object> c : answers.of(course.openClasses(100)).items()) {
            LocalDate opens = iso(c.get("registrationOpensOn"));
            LocalDate closes = iso(c.get("registrationClosesOn"));
            boolean inWindow = (opens == null || !today.isBefore(opens)) && (closes == null || !today.isAfter(closes));
            if (inWindow && !taken.contains(String.valueOf(c.get("id")))) {
                open.add(c);
            }
        }
        return open;
    }

    private static LocalDate iso(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** "Đề nghị cử đi học": the person asks to be sent to a class; their unit officer sees it in their pending work. */
    @POST
    @Path("me/requests")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance request(@jakarta.ws.rs.FormParam("classId") String classId,
            @jakarta.ws.rs.FormParam("note") String note) {
        if (classId == null || classId.isBlank()) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn lớp", "Hãy chọn lớp muốn đề nghị được cử đi học."),
                    null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("classId", classId.strip());
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        ApiResult sent = answers.of(enrolment.request(body));
        return Fragments.message(sent, "Đã gửi đề nghị cử đi học. Cán bộ tổ chức của đơn vị sẽ xem xét và trả lời.");
    }

    /** The institution's classes that run this month (a class that overlaps the month), each with its sheets. */
    @GET
    @Path("my-classes")
    public TemplateInstance classes() {
        LocalDate today = Formats.today();
        LocalDate first = today.withDayOfMonth(1);
        LocalDate last = today.withDayOfMonth(today.lengthOfMonth());
        String institution = console.getViewer().institution();
        ApiResult found = answers.of(course.classes(null, Params.filled(institution), first, last, null, null, 100));
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
            row.put("class", classes.computeIfAbsent(classId, id -> answers.of(course.schoolClass(Params.id(id))).map()));
            String personnelId = String.valueOf(request.get("personnelId"));
            row.put("personName", people.computeIfAbsent(personnelId, id -> {
                ApiResult p = answers.of(personnel.person(Params.id(id)));
                return p.ok() ? String.valueOf(p.map().get("fullName")) : "";
            }));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The unit officer sends the person as they asked: the request becomes a nomination (the full nomination rules
     * apply; a misfit needs a justification), with the officer's decision number, date and funding.
     */
    @POST
    @Path("requests/{id}/nominate")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance nominateRequested(@PathParam("id") String id,
            jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("decisionNumber", "fundingSource", "justification")) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.strip());
            }
        }
        String date = form.getFirst("decisionDate");
        if (date != null && !date.isBlank()) {
            LocalDate parsed = Formats.parseDate(date);
            if (parsed == null) {
                return Fragments.message(ApiResult.failure(400, "Ngày quyết định không hợp lệ",
                        "Ngày quyết định không hợp lệ: nhập theo dạng dd/mm/yyyy (ví dụ 30/06/2026)."), null);
            }
            body.put("decisionDate", parsed.toString());
        }
        ApiResult result = answers.of(enrolment.nominateRequested(Params.id(id), body));
        return Fragments.message(result, "Đã cử đi học theo đề nghị; đề cử đang chờ phê duyệt.");
    }

    @POST
    @Path("requests/{id}/decline")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance declineRequested(@PathParam("id") String id, @jakarta.ws.rs.FormParam("reason") String reason) {
        if (reason == null || reason.isBlank()) {
            return Fragments.message(ApiResult.failure(400, "Chưa có lý do", "Từ chối đề nghị phải có lý do."), null);
        }
        ApiResult result = answers.of(enrolment.declineRequested(Params.id(id),
                Map.of("reason", reason.strip())));
        return Fragments.message(result, "Đã từ chối đề nghị; cán bộ sẽ thấy lý do trong hồ sơ của mình.");
    }

    /** What each service holds on its dead-letter topics (admin only, as the services enforce). */
    List<Map<String, Object>> deadLetterTopics() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String service : RouteTable.SERVICES) {
            ApiResult states = answers.of(services.deadLetters(service).topics());
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
        ApiResult result = answers.of(services.deadLetters(service).redrive(topic));
        Object sent = result.map().get("redriven");
        return Fragments.message(result, "Đã gửi lại " + Formats.number(sent) + " bản ghi để xử lý lại.");
    }
}
