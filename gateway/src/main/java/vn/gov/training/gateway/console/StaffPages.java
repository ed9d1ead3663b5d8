package vn.gov.training.gateway.console;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;
import vn.gov.training.gateway.console.client.Uploads;

/** Staff: accent-insensitive search with filters, the person's page, create and edit, Excel import. */
@Path("/console/staff")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    static final List<String> FIELDS = List.of("nationalId", "fullName", "dateOfBirth", "gender", "ethnicity",
            "category", "orgUnitCode", "jobPositionCode", "titleCode", "rankCode", "managementTier",
            "startedServiceOn", "email", "phone");
    static final List<String> DATE_FIELDS = List.of("dateOfBirth", "startedServiceOn");

    @Inject
    PersonnelApi personnel;
    @Inject
    EnrolmentApi enrolment;
    @Inject
    @Uploads
    PersonnelApi uploads;
    @Inject
    ServiceAnswers answers;
    @Inject
    ConsoleContext console;
    @Location("console/staff.html")
    Template staff;
    @Location("console/staff-results.html")
    Template results;
    @Location("console/person.html")
    Template person;
    @Location("console/person-form.html")
    Template form;
    @Location("console/import.html")
    Template importPage;
    @Location("console/import-report.html")
    Template importReport;

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("unit") String unit,
            @QueryParam("includeSubunits") @jakarta.ws.rs.DefaultValue("true") boolean includeSubunits,
            @QueryParam("category") String category, @QueryParam("status") String status,
            @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
            @HeaderParam("HX-Request") String htmx) {
        String scope = unit == null || unit.isBlank() ? console.getViewer().defaultUnit() : unit.strip();
        ApiResult found = answers.of(personnel.people(Params.filled(q), Params.filled(scope), includeSubunits,
                Params.filled(category), Params.filled(status), page, 20));
        TemplateInstance view = "true".equals(htmx) ? results.instance() : staff.instance();
        return view.data("found", found).data("q", q == null ? "" : q).data("unit", scope)
                .data("category", category).data("status", status).data("page", page)
                // the same list as an Excel file (personnel-service masks it as the role requires), via the API door
                .data("exportHref", Q.of().p("q", q).p("unit", scope).p("includeSubunits", includeSubunits)
                        .p("category", category).p("status", status).on("/api/personnel/export"))
                .data("hasNext", found.ok() && (long) (page + 1) * 20 < found.total());
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        UUID personnelId = Params.id(id);
        ApiResult record = answers.of(personnel.person(personnelId));
        ApiResult qualifications = answers.of(personnel.qualifications(personnelId));
        List<Map<String, Object>> timeline = new ArrayList<>(qualifications.items());
        timeline.sort(Comparator.comparing(m -> String.valueOf(m.get("awardedOn"))));
        return person.data("id", id).data("record", record).data("p", record.map())
                .data("levels", answers.of(personnel.levels(personnelId)))
                .data("qualifications", qualifications).data("timeline", timeline)
                .data("history", answers.of(enrolment.trainingHistory(personnelId)))
                .data("gaps", answers.of(personnel.gaps(personnelId)))
                .data("plans", answers.of(personnel.successionPlans(personnelId)))
                .data("ratings", answers.of(personnel.ratings(personnelId)))
                .data("ratingValues", List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"))
                .data("thisYear", Formats.today().getYear())
                .data("notifications", answers.of(enrolment.notificationPreferences(personnelId)))
                .data("commitments", answers.of(enrolment.commitments(personnelId, 50)))
                .data("self", false).data("requests", List.of()).data("openClasses", List.of());
    }

    @POST
    @Path("{id}/account")
    public TemplateInstance createAccount(@PathParam("id") String id) {
        ApiResult created = answers.of(personnel.requestAccount(Params.id(id), Map.of()));
        // personnel-service says whether and where Keycloak mails the link to set the password
        Object mail = created.ok() ? created.map().get("passwordMail") : null;
        Object notice = mail instanceof Map<?, ?> m ? m.get("message") : null;
        return Fragments.message(created, "Đã tạo tài khoản đăng nhập cho cán bộ." + (notice == null ? "" : " " + notice));
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("orgUnitCode", console.getViewer().orgUnit());
        return form.data("values", values).data("errors", Map.of()).data("result", null).data("id", null);
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") String id) {
        ApiResult record = answers.of(personnel.person(Params.id(id)));
        Map<String, Object> values = new LinkedHashMap<>(record.map());
        for (String f : DATE_FIELDS) {
            values.put(f, Formats.date(values.get(f)));
        }
        return form.data("values", values).data("errors", Map.of()).data("result", record.ok() ? null : record)
                .data("id", id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(jakarta.ws.rs.core.MultivaluedMap<String, String> posted) {
        return save(null, posted);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, jakarta.ws.rs.core.MultivaluedMap<String, String> posted) {
        return save(id, posted);
    }

    /** Fields a staff record cannot do without: cleared on an edit, they are an error, not "leave as it is". */
    static final List<String> REQUIRED = List.of("nationalId", "fullName", "dateOfBirth", "gender", "category",
            "orgUnitCode");

    private Response save(String id, jakarta.ws.rs.core.MultivaluedMap<String, String> posted) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = posted.getFirst(f);
            values.put(f, v);
            boolean blank = v == null || v.isBlank();
            if (!blank && DATE_FIELDS.contains(f)) {
                LocalDate date = Formats.parseDate(v);
                if (date == null) {
                    errors.put(f, "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy (ví dụ 30/06/1985).");
                } else {
                    body.put(f, date.toString());
                }
            } else if (!blank) {
                body.put(f, v.strip());
            } else if (id != null && posted.containsKey(f)) {
                if (REQUIRED.contains(f)) {
                    errors.put(f, "Không được để trống.");
                }
                // an empty text clears the field (the service treats a missing one as unchanged)
                body.put(f, DATE_FIELDS.contains(f) ? null : "");
            }
        }
        ApiResult saved;
        // with errors of its own the console writes nothing, except to a new record without a date of birth: the
        // service refuses that anyway, and its field errors join ours (an ID of 11 digits, an empty name)
        if (errors.isEmpty() || (id == null && !body.containsKey("dateOfBirth"))) {
            saved = id == null ? answers.of(personnel.create(body))
                    : answers.of(personnel.change(Params.id(id), body));
        } else {
            saved = ApiResult.failure(400, "Dữ liệu không hợp lệ", "Hãy sửa các ô được đánh dấu.");
        }
        if (saved.ok() && errors.isEmpty()) {
            Object newId = id != null ? id : saved.map().get("id");
            return Response.ok().header("HX-Redirect", "/console/staff/" + newId).build();
        }
        Map<String, String> shown = new LinkedHashMap<>(saved.fieldErrors());
        shown.putAll(errors);
        return Response.ok(form.getFragment("form").data("values", values).data("errors", shown)
                .data("result", saved.ok() ? ApiResult.failure(400, "Dữ liệu không hợp lệ", "Hãy sửa các ô được đánh dấu.")
                        : saved)
                .data("id", id).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("import")
    public TemplateInstance importForm() {
        return importPage.instance();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@RestForm("file") FileUpload file, @RestForm("mode") String mode) throws IOException {
        return ImportJobPages.upload(answers, uploads::importStaff, importReport, file, mode, "/console/staff/import");
    }

    /** The import job's progress and row errors; the fragment polls itself every second while the job runs. */
    @GET
    @Path("import/{jobId}")
    public TemplateInstance importJob(@PathParam("jobId") String jobId) {
        return ImportJobPages.job(importReport, answers.of(personnel.staffImport(Params.id(jobId))),
                "/console/staff/import");
    }
}
