package vn.gov.training.gateway.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.CourseApi;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/**
 * Nominations: pick one or many people and an open class, see the fit assessment (and hard eligibility refusals)
 * before submitting, then nominate; the approval queue and the waitlist for province managers and institutions.
 */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class NominationPages {

    /** The most nominations enrolment-service approves in one call of a class's approvals. */
    private static final int APPROVALS_PER_CALL = 500;

    @Inject
    PersonnelApi personnel;
    @Inject
    CourseApi course;
    @Inject
    EnrolmentApi enrolment;
    @Inject
    ServiceAnswers answers;
    @Inject
    ConsoleContext console;
    @Inject
    Vocabulary vocabulary;
    @Location("console/nominate.html")
    Template nominate;
    @Location("console/people-picker.html")
    Template picker;
    @Location("console/people-chosen.html")
    Template chosen;
    @Location("console/assessment.html")
    Template assessment;
    @Location("console/nomination-result.html")
    Template nominationResult;
    @Location("console/approvals.html")
    Template approvals;
    @Location("console/approvals-bulk.html")
    Template bulkResult;

    /** A person in the picker: id, name and the name of their unit. */
    @io.quarkus.qute.TemplateData
    public record Pick(String id, String name, String unit, String unitName) {
    }

    @GET
    @Path("nominations/new")
    public TemplateInstance form(@QueryParam("personnelId") List<String> personnelIds, @QueryParam("classId") String classId) {
        List<Pick> people = new ArrayList<>();
        for (String id : personnelIds) {
            people.add(pick(id));
        }
        ApiResult classes = answers.of(course.classes(null, null, null, null, "OPEN", true, 100));
        return nominate.data("people", people).data("classes", classes).data("classId", classId)
                .data("unit", console.getViewer().orgUnit());
    }

    private Pick pick(String id) {
        ApiResult p = answers.of(personnel.person(Params.id(id)));
        String unit = p.ok() ? String.valueOf(p.map().get("orgUnitCode")) : "";
        return new Pick(id, p.ok() ? String.valueOf(p.map().get("fullName")) : id + " (" + p.message() + ")", unit,
                vocabulary.unitName(unit));
    }

    @GET
    @Path("nominations/people")
    public TemplateInstance people(@QueryParam("q") String q) {
        ApiResult found = answers.of(personnel.people(Params.filled(q), Params.filled(console.getViewer().defaultUnit()),
                true, null, "ACTIVE", null, 10));
        List<Pick> people = found.items().stream().map(p -> {
            String unit = String.valueOf(p.getOrDefault("orgUnitCode", ""));
            return new Pick(String.valueOf(p.get("id")), String.valueOf(p.get("fullName")), unit,
                    vocabulary.unitName(unit));
        }).toList();
        return picker.data("found", found).data("people", people);
    }

    /**
     * A person chosen in the search results joins the chosen list (which no search replaces); one already chosen is
     * not added twice.
     */
    @GET
    @Path("nominations/pick")
    public TemplateInstance pick(@QueryParam("pick") String id, @QueryParam("personnelId") List<String> chosenAlready) {
        List<Pick> people = id == null || id.isBlank() || chosenAlready.contains(id) ? List.of() : List.of(pick(id));
        return chosen.data("people", people);
    }

    @POST
    @Path("nominations/assess")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance assess(MultivaluedMap<String, String> form) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String classId = form.getFirst("classId");
        List<String> ids = form.getOrDefault("personnelId", List.of());
        String message = null;
        if (classId == null || classId.isBlank() || ids.isEmpty()) {
            message = "Hãy chọn lớp và ít nhất một cán bộ.";
        } else {
            // one dry run for all the people picked: results: [{personnelId, status, eligible, title, detail, fit}]
            ApiResult result = answers.of(enrolment.assessMany(Map.of("classId", classId, "personnelIds", ids)));
            List<Map<String, Object>> answers = result.list("results");
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Map<String, Object> answer = i < answers.size() ? answers.get(i) : Map.of();
                boolean ok = result.ok() && Integer.valueOf(200).equals(answer.get("status"));
                Map<String, Object> fit = fit(answer);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("personnelId", id);
                row.put("name", form.getFirst("name-" + id));
                row.put("ok", ok);
                row.put("message", ok ? null : result.ok() ? rowMessage(answer) : result.message());
                row.put("eligible", ok && Boolean.TRUE.equals(answer.get("eligible")));
                row.put("refusalTitle", ok ? answer.get("title") : null);
                row.put("refusalDetail", ok ? answer.get("detail") : null);
                row.put("fit", fit.get("assessment"));
                row.put("reasons", reasons(fit));
                rows.add(row);
            }
        }
        boolean misfit = rows.stream().anyMatch(r -> "MISFIT".equals(r.get("fit")));
        boolean refused = rows.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("ok")) && !Boolean.TRUE.equals(r.get("eligible")));
        return assessment.data("rows", rows).data("misfit", misfit).data("refused", refused).data("message", message);
    }

    @POST
    @Path("nominations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance submit(MultivaluedMap<String, String> form) {
        List<String> ids = form.getOrDefault("personnelId", List.of());
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("personnelId", id);
            body.put("classId", form.getFirst("classId"));
            put(body, "nominatingUnitCode", form.getFirst("nominatingUnitCode"));
            put(body, "decisionNumber", form.getFirst("decisionNumber"));
            put(body, "decisionDate", Formats.toIso(form.getFirst("decisionDate")));
            put(body, "fundingSource", form.getFirst("fundingSource"));
            String amount = form.getFirst("fundingAmountVnd");
            if (amount != null && !amount.isBlank()) {
                String digits = amount.replaceAll("[^0-9]", "");
                body.put("fundingAmountVnd", digits.isEmpty() ? amount : Long.parseLong(digits));
            }
            put(body, "note", form.getFirst("note"));
            put(body, "justification", form.getFirst("justification"));
            bodies.add(body);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ApiResult single = null;
        Map<String, Object> bulkCounts = Map.of();
        if (ids.isEmpty()) {
            single = ApiResult.failure(400, "Chưa chọn cán bộ", "Hãy chọn ít nhất một cán bộ để cử đi học.");
        } else if (ids.size() == 1) {
            single = answers.of(enrolment.nominate(bodies.get(0)));
        } else {
            // BulkResult: {created, refused, results: [{row, status, enrolmentId, fit, code, title, detail}]}
            ApiResult bulk = answers.of(enrolment.nominateMany(Map.of("rows", bodies)));
            if (!bulk.ok()) {
                single = bulk;
            } else {
                bulkCounts = bulk.map();
                for (Map<String, Object> r : bulk.list("results")) {
                    Map<String, Object> row = new LinkedHashMap<>(r);
                    int index = r.get("row") instanceof Number n ? n.intValue() : -1;
                    String id = index >= 0 && index < ids.size() ? ids.get(index) : null;
                    row.put("personnelId", id);
                    row.put("name", id == null ? null : form.getFirst("name-" + id));
                    row.put("created", r.get("status") instanceof Number n && n.intValue() == 201);
                    rows.add(row);
                }
            }
        }
        Map<String, Object> created = single == null ? Map.of() : single.map();
        return nominationResult.data("single", single).data("s", created)
                .data("fit", fit(created)).data("reasons", reasons(fit(created)))
                .data("rows", rows).data("bulk", bulkCounts);
    }

    @GET
    @Path("approvals")
    public TemplateInstance approvals(@QueryParam("classId") String classId, @QueryParam("unit") String unit,
            @QueryParam("fit") String fit) {
        ApiResult nominated = answers.of(enrolment.enrolments("NOMINATED", Params.optionalId(classId),
                Params.filled(unit), Params.filled(fit), 100));
        ApiResult waitlisted = answers.of(enrolment.enrolments("WAITLISTED", Params.optionalId(classId),
                Params.filled(unit), Params.filled(fit), 100));
        ApiResult classes = answers.of(course.openClasses(100));
        return approvals.data("lists", List.of(nominated, waitlisted)).data("nominated", nominated)
                .data("waitlisted", waitlisted).data("classId", classId).data("unit", unit).data("fit", fit)
                .data("classes", classes).data("seatsLeft", seatsLeft(nominated.items()));
    }

    /** Seats left in each class of the queue: capacity less the learners approved so far (one call per class). */
    private Map<String, Object> seatsLeft(List<Map<String, Object>> rows) {
        Map<String, Object> left = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String classId = String.valueOf(row.get("classId"));
            if (left.containsKey(classId)) {
                continue;
            }
            ApiResult cls = answers.of(course.schoolClass(Params.id(classId)));
            ApiResult approved = answers.of(enrolment.enrolments("APPROVED", Params.id(classId), null, null, 1));
            Object capacity = cls.map().get("capacity");
            left.put(classId, cls.ok() && approved.ok() && capacity instanceof Number n
                    ? Math.max(0, n.longValue() - approved.total()) : "–");
        }
        return left;
    }

    /** Several nominations decided at once: approve them, or reject them all with one reason. */
    @POST
    @Path("approvals/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance decideMany(MultivaluedMap<String, String> form) {
        List<String> ids = form.getOrDefault("ids", List.of());
        String action = form.getFirst("action");
        String reason = form.getFirst("reason");
        if (ids.isEmpty()) {
            return Fragments.message(ApiResult.failure(400, "Chưa chọn đề cử", "Hãy đánh dấu các đề cử cần xử lý."), null);
        }
        boolean reject = "reject".equals(action);
        if (reject && (reason == null || reason.isBlank())) {
            return Fragments.message(ApiResult.failure(400, "Thiếu lý do", "Hãy nhập lý do từ chối chung."), null);
        }
        Map<UUID, Decision> decisions = reject ? rejectEach(ids, reason.strip()) : approveByClass(ids, form);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : ids) {
            Decision decision = decisions.get(Params.id(id));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", form.getFirst("name-" + id));
            row.put("ok", decision.ok());
            row.put("message", decision.message());
            rows.add(row);
        }
        return bulkResult.data("rows", rows).data("reject", reject)
                .data("done", rows.stream().filter(r -> Boolean.TRUE.equals(r.get("ok"))).count());
    }

    /** What became of one selected nomination: its new status in words, or why it was refused. */
    private record Decision(boolean ok, String message) {
    }

    private Map<UUID, Decision> rejectEach(List<String> ids, String reason) {
        Map<UUID, Decision> decisions = new HashMap<>();
        for (String id : ids) {
            ApiResult result = answers.of(enrolment.reject(Params.id(id), Map.of("reason", reason)));
            decisions.put(Params.id(id), new Decision(result.ok(), result.ok() ? "Đã từ chối" : result.message()));
        }
        return decisions;
    }

    /**
     * The selected nominations approved class by class, one call per class (the service holds the class's seats
     * once for the whole group, in the order selected); a row whose class the form does not carry goes alone.
     */
    private Map<UUID, Decision> approveByClass(List<String> ids, MultivaluedMap<String, String> form) {
        Map<UUID, Decision> decisions = new HashMap<>();
        Map<UUID, List<UUID>> byClass = new LinkedHashMap<>();
        for (String id : ids) {
            String classId = Params.filled(form.getFirst("class-" + id));
            if (classId == null) {
                ApiResult result = answers.of(enrolment.approve(Params.id(id), Map.of()));
                decisions.put(Params.id(id), new Decision(result.ok(),
                        result.ok() ? Labels.of(result.map().get("status")) : result.message()));
            } else {
                byClass.computeIfAbsent(Params.id(classId), c -> new ArrayList<>()).add(Params.id(id));
            }
        }
        byClass.forEach((classId, enrolmentIds) -> {
            for (int from = 0; from < enrolmentIds.size(); from += APPROVALS_PER_CALL) {
                List<UUID> part = enrolmentIds.subList(from, Math.min(enrolmentIds.size(), from + APPROVALS_PER_CALL));
                ApiResult answer = answers.of(enrolment.approveAll(classId, Map.of("enrolmentIds", part)));
                String unanswered = answer.ok() ? "Không nhận được kết quả của đề cử này." : answer.message();
                part.forEach(id -> decisions.put(id, new Decision(false, unanswered)));
                for (Map<String, Object> row : answer.list("results")) {
                    boolean ok = row.get("status") instanceof Number n && n.intValue() == 200;
                    decisions.put(Params.id(row.get("enrolmentId")), new Decision(ok,
                            ok ? Labels.of(row.get("enrolmentStatus")) : String.valueOf(row.get("title"))));
                }
            }
        });
        return decisions;
    }

    @POST
    @Path("enrolments/{id}/approve")
    public Response approve(@PathParam("id") String id) {
        ApiResult result = answers.of(enrolment.approve(Params.id(id), Map.of()));
        String status = String.valueOf(result.map().get("status"));
        return decision(id, result, "WAITLISTED".equals(status) ? "Lớp đã đủ chỉ tiêu: đưa vào danh sách chờ."
                : "Đã phê duyệt.");
    }

    @POST
    @Path("enrolments/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String reason = form.getFirst("reason");
        if (reason == null || reason.isBlank()) {
            return decision(id, ApiResult.failure(400, "Thiếu lý do", "Hãy nhập lý do từ chối."), null);
        }
        ApiResult result = answers.of(enrolment.reject(Params.id(id), Map.of("reason", reason.strip())));
        return decision(id, result, "Đã từ chối đề cử.");
    }

    /**
     * A decision's answer: on success it replaces the row's buttons; a refusal goes to the row's message line and
     * the buttons stay, so the person can type the missing reason and try again.
     */
    private static Response decision(String id, ApiResult result, String success) {
        Response.ResponseBuilder answer = Response.ok(Fragments.message(result, success).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (!result.ok()) {
            answer.header("HX-Retarget", "#msg-" + id).header("HX-Reswap", "innerHTML");
        }
        return answer.build();
    }

    private static void put(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.strip());
        }
    }

    /** The {@code fit} object of an assessment or an EnrolmentView: {assessment, reasons: [{code, message}]}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fit(Map<String, Object> view) {
        return view.get("fit") instanceof Map<?, ?> fit ? (Map<String, Object>) fit : Map.of();
    }

    /** Why one person of a dry run for many could not be assessed (not found, outside the officer's units). */
    private static String rowMessage(Map<String, Object> answer) {
        Object detail = answer.get("detail");
        return detail != null && !detail.toString().isBlank() ? detail.toString()
                : String.valueOf(answer.getOrDefault("title", "Không đánh giá được cán bộ này."));
    }

    /** The Vietnamese messages of a fit object's reasons. */
    static List<String> reasons(Map<String, Object> fit) {
        List<String> texts = new ArrayList<>();
        if (fit.get("reasons") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> reason && reason.get("message") != null) {
                    texts.add(reason.get("message").toString());
                }
            }
        }
        return texts;
    }
}
