package vn.gov.training.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import vn.gov.training.platform.testing.Infrastructure;

/**
 * The four services as the console sees them: each answers ONLY the real paths and methods of its resources (as
 * in personnel-service, course-service, enrolment-service and reporting-service's {@code rest/} packages) with
 * bodies shaped like their records, checks the request bodies and parameters the way the service would, and
 * answers 404 / 405 / 415 / 400 problems otherwise. So a console page that calls a guessed path, sends a guessed
 * body or reads a guessed field fails its test.
 */
public class ServiceStubs implements QuarkusTestResourceLifecycleManager {

    static final String UNIT = "HG.VT";
    static final String KHANG = "6f1c1a52-0000-4000-8000-000000000001";
    static final String BINH = "6f1c1a52-0000-4000-8000-000000000002";
    static final String CLASS = "c1a55000-0000-4000-8000-000000000001";
    static final String SESSION_1 = "5e551000-0000-4000-8000-000000000001";
    static final String SESSION_2 = "5e551000-0000-4000-8000-000000000002";
    static final String NOMINATED = "e0000000-0000-4000-8000-000000000001";
    static final String APPROVED = "e0000000-0000-4000-8000-000000000002";
    static final String JOB = "10b00000-0000-4000-8000-000000000001";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** How long the history import of a file named "cham..." takes to answer: longer than a page waits. */
    static final java.time.Duration SLOW_UPLOAD = java.time.Duration.ofSeconds(5);

    Vertx vertx;

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.get();
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", infra.keycloakUrl() + "/realms/" + infra.realm());
        config.put("training.keycloak.url", infra.keycloakUrl());
        config.put("training.routes.personnel", "http://127.0.0.1:" + listen(personnel()));
        config.put("training.routes.course", "http://127.0.0.1:" + listen(course()));
        enrolmentPort = listen(enrolment());
        config.put("training.routes.enrolment", "http://127.0.0.1:" + enrolmentPort);
        config.put("training.routes.reporting", "http://127.0.0.1:" + listen(reporting()));
        // a page waits 4 s for a service; an upload longer (the history import of a file named "cham..." answers
        // after SLOW_UPLOAD)
        config.put("training.console.service-timeout", "4S");
        return config;
    }

    // ---- personnel-service ------------------------------------------------------------------------------------

    Router personnel() {
        Router r = router();
        r.get("/api/personnel").handler(ctx -> {
            String q = ctx.request().getParam("q");
            JsonArray items = new JsonArray();
            if (q == null || "nguyen".equalsIgnoreCase(q) || "khang".equalsIgnoreCase(q)) {
                items.add(person(KHANG, "Nguyễn Thị Hồng Khang", "CIVIL_SERVANT"));
            }
            if (q == null) {
                items.add(person(BINH, "Trần Văn Bình", "CADRE"));
            }
            json(ctx, 200, page(items));
        });
        // the names behind the codes (OrgUnitView, TitleView, RankView, JobPositionView)
        r.get("/api/org-units").handler(ctx -> json(ctx, 200, new JsonArray()
                .add(unit("HG", "Tỉnh Hậu Giang", null)).add(unit(UNIT, "Thành phố Vị Thanh", "HG"))
                .add(unit("HG.VT.P1", "Phường I", UNIT))));
        r.get("/api/reference/titles").handler(ctx -> json(ctx, 200, new JsonArray()
                .add(new JsonObject().put("code", "PHO_PHONG").put("name", "Phó Trưởng phòng"))
                .add(new JsonObject().put("code", "TRUONG_PHONG").put("name", "Trưởng phòng"))));
        r.get("/api/reference/ranks").handler(ctx -> json(ctx, 200, new JsonArray()
                .add(new JsonObject().put("code", "01.003").put("name", "Chuyên viên").put("category", "CIVIL_SERVANT"))));
        r.get("/api/reference/job-positions").handler(ctx -> json(ctx, 200, new JsonArray()
                .add(new JsonObject().put("code", "CHUYEN_VIEN").put("name", "Chuyên viên tổ chức cán bộ")
                        .put("orgUnitCode", UNIT))));
        // create and edit: the service's own field errors (PersonValidator), an empty text counts as missing
        r.post("/api/personnel").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            JsonArray errors = personErrors(body, true);
            if (!errors.isEmpty()) {
                fieldErrors(ctx, errors);
                return;
            }
            json(ctx, 201, person(KHANG, body.getString("fullName"), body.getString("category")));
        });
        r.patch("/api/personnel/:id").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            JsonArray errors = personErrors(body, false);
            if (!errors.isEmpty()) {
                fieldErrors(ctx, errors);
                return;
            }
            json(ctx, 200, person(ctx.pathParam("id"), "Nguyễn Thị Hồng Khang", "CIVIL_SERVANT"));
        });
        r.get("/api/personnel/imports/template").handler(ctx -> ctx.response().putHeader("Content-Type", XLSX)
                .putHeader("Content-Disposition", "attachment; filename=\"mau-danh-sach-can-bo.xlsx\"").end("PK"));
        // the staff list's import and the levels and yearly ratings imports answer alike
        for (String imports : List.of("imports", "qualification-imports", "rating-imports")) {
            r.post("/api/personnel/" + imports).handler(ctx -> {
                String type = ctx.request().getHeader("Content-Type");
                if (type == null || !(type.startsWith(XLSX) || type.startsWith("text/csv")
                        || type.startsWith("application/octet-stream"))) {
                    problem(ctx, 415, "unsupported-media-type", "Định dạng không được hỗ trợ", "Gửi tệp .xlsx hoặc .csv làm nội dung yêu cầu.");
                    return;
                }
                String mode = ctx.request().getParam("mode", "ALL_OR_NOTHING");
                if (!Set.of("ALL_OR_NOTHING", "VALID_ROWS").contains(mode) || ctx.body().length() == 0) {
                    problem(ctx, 400, "import-format", "Tệp không hợp lệ", "Chế độ nhập hoặc tệp không hợp lệ.");
                    return;
                }
                ctx.response().putHeader("Location", "/api/personnel/" + imports + "/" + JOB);
                json(ctx, 202, job("RUNNING", ctx.request().getParam("fileName"), mode, 1, new JsonArray(), null));
            });
            r.get("/api/personnel/" + imports + "/:id").handler(ctx -> {
                if (!JOB.equals(ctx.pathParam("id"))) {
                    problem(ctx, 404, "import-not-found", "Không tìm thấy", "Không có đợt nhập này.");
                    return;
                }
                json(ctx, 200, job("REJECTED", "danh-sach.xlsx", "ALL_OR_NOTHING", 3, new JsonArray().add(new JsonObject()
                        .put("row", 3).put("field", "nationalId").put("code", "national-id-format")
                        .put("message", "Số định danh cá nhân phải gồm 12 chữ số")), "2026-03-02T08:00:03+07:00"));
            });
        }
        r.get("/api/personnel/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            if (!Set.of(KHANG, BINH).contains(id)) {
                problem(ctx, 404, "person-not-found", "Không tìm thấy", "Không có cán bộ này.");
                return;
            }
            json(ctx, 200, KHANG.equals(id) ? person(KHANG, "Nguyễn Thị Hồng Khang", "CIVIL_SERVANT")
                    : person(BINH, "Trần Văn Bình", "CADRE"));
        });
        r.get("/api/personnel/:id/qualifications").handler(ctx -> json(ctx, 200, new JsonArray().add(new JsonObject()
                .put("id", "9a000000-0000-4000-8000-000000000001").put("kind", "POLITICAL_THEORY")
                .put("level", "ELEMENTARY").put("awardedOn", "2019-06-30").put("institution", "Trường Chính trị tỉnh")
                .put("credentialNumber", "SC-2019-15").put("source", "MANUAL")
                .put("evidenceFileName", "bang-so-cap.pdf"))));
        // EvidenceResource: the file as the raw body, PDF/PNG/JPEG told by its first bytes; answers EvidenceView
        r.put("/api/personnel/:id/qualifications/:qualificationId/evidence").handler(ctx -> {
            String type = ctx.request().getHeader("Content-Type");
            String body = ctx.body().asString("ISO-8859-1");
            if (type == null || !Set.of("application/pdf", "image/png", "image/jpeg", "application/octet-stream")
                    .contains(type) || body == null || !body.startsWith("%PDF-")) {
                problem(ctx, 415, "evidence-type", "Loại tệp không được nhận", "Minh chứng phải là tệp PDF, PNG hoặc JPEG.");
                return;
            }
            json(ctx, 201, new JsonObject().put("qualificationId", ctx.pathParam("qualificationId"))
                    .put("fileName", ctx.request().getParam("fileName")).put("contentType", "application/pdf")
                    .put("sizeBytes", body.length()).put("sha256", "00").put("uploadedAt", "2026-03-02T08:00:00+07:00"));
        });
        r.get("/api/personnel/:id/levels").handler(ctx -> json(ctx, 200, new JsonArray().add(new JsonObject()
                .put("kind", "POLITICAL_THEORY").put("level", "ELEMENTARY").put("awardedOn", "2019-06-30"))));
        r.get("/api/personnel/:id/gaps").handler(ctx -> json(ctx, 200, new JsonArray().add(new JsonObject()
                .put("role", "Trưởng phòng").put("roleCode", "TRUONG_PHONG").put("kind", "POLITICAL_THEORY")
                .put("requiredLevel", "INTERMEDIATE").put("currentLevel", "ELEMENTARY")
                .put("programCategory", "POLITICAL_THEORY").put("programLevel", "INTERMEDIATE"))));
        r.get("/api/personnel/:id/succession-plans").handler(ctx -> json(ctx, 200, new JsonArray().add(new JsonObject()
                .put("id", "5c000000-0000-4000-8000-000000000001").put("personnelId", ctx.pathParam("id"))
                .put("fullName", "Nguyễn Thị Hồng Khang").put("titleCode", "TRUONG_PHONG").put("orgUnitCode", UNIT)
                .put("termStart", 2026).put("termEnd", 2031).put("decisionNumber", "12/QĐ-SNV")
                .put("decisionDate", "2025-12-01").put("status", "ACTIVE").putNull("statusReason")
                .put("reviewFlag", false).putNull("reviewReason"))));
        // what the person page's forms send (QualificationService.NewQualification, PersonnelRequests.Transfer and
        // Leave, SuccessionPlanService.NewPlan and PlanChange); the answers are the views the service gives
        r.post("/api/personnel/:id/qualifications").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || body.getString("kind") == null || body.getString("level") == null) {
                invalid(ctx, "kind");
                return;
            }
            if (body.containsKey("awardedOn") && !body.getString("awardedOn").matches("\\d{4}-\\d{2}-\\d{2}")) {
                invalid(ctx, "awardedOn");
                return;
            }
            json(ctx, 201, new JsonObject().put("id", "9a000000-0000-4000-8000-000000000002")
                    .put("kind", body.getString("kind")).put("level", body.getString("level"))
                    .put("awardedOn", body.getString("awardedOn")).put("institution", body.getString("institution"))
                    .put("credentialNumber", body.getString("credentialNumber")).put("source", "MANUAL"));
        });
        r.post("/api/personnel/:id/transfer").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || body.getString("orgUnitCode") == null) {
                invalid(ctx, "orgUnitCode");
                return;
            }
            json(ctx, 200, person(ctx.pathParam("id"), "Nguyễn Thị Hồng Khang", "CIVIL_SERVANT")
                    .put("orgUnitCode", body.getString("orgUnitCode")));
        });
        r.post("/api/personnel/:id/leave").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !Set.of("RETIRED", "RESIGNED", "DISMISSED", "DECEASED", "TRANSFERRED_OUT")
                    .contains(body.getString("reason"))) {
                invalid(ctx, "reason");
                return;
            }
            json(ctx, 200, person(ctx.pathParam("id"), "Nguyễn Thị Hồng Khang", "CIVIL_SERVANT").put("status", "LEFT")
                    .put("leftReason", body.getString("reason")).put("leftOn", body.getString("leftOn")));
        });
        r.post("/api/personnel/:id/succession-plans").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || body.getString("titleCode") == null || body.getInteger("termStart") == null
                    || body.getInteger("termEnd") == null) {
                invalid(ctx, "titleCode");
                return;
            }
            json(ctx, 201, new JsonObject().put("id", "5c000000-0000-4000-8000-000000000002")
                    .put("personnelId", ctx.pathParam("id")).put("titleCode", body.getString("titleCode"))
                    .put("orgUnitCode", body.getString("orgUnitCode")).put("status", "ACTIVE"));
        });
        r.patch("/api/personnel/:id/succession-plans/:planId").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || ("REMOVED".equals(body.getString("status"))
                    && (body.getString("reason") == null || body.getString("reason").isBlank()))) {
                invalid(ctx, "reason");
                return;
            }
            json(ctx, 200, new JsonObject().put("id", ctx.pathParam("planId")).put("personnelId", ctx.pathParam("id"))
                    .put("status", body.getString("status", "ACTIVE")).put("statusReason", body.getString("reason")));
        });
        // PersonnelResource.RatingView {year, rating}; PUT takes PersonnelRequests.SetRating {rating}
        r.get("/api/personnel/:id/ratings").handler(ctx -> json(ctx, 200, new JsonArray()
                .add(new JsonObject().put("year", 2024).put("rating", "GOOD"))
                .add(new JsonObject().put("year", 2025).put("rating", "EXCELLENT"))));
        r.put("/api/personnel/:id/ratings/:year").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !Set.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED").contains(body.getString("rating"))) {
                invalid(ctx, "rating");
                return;
            }
            int year = Integer.parseInt(ctx.pathParam("year"));
            if (year < 1990 || year > 2026) {
                invalid(ctx, "year");
                return;
            }
            json(ctx, 200, new JsonObject().put("year", year).put("rating", body.getString("rating")));
        });
        r.get("/api/national-sync/summary").handler(ctx -> json(ctx, 200, new JsonObject().put("PENDING", 4)
                .put("SENT", 0).put("ACCEPTED", 120).put("REJECTED", 1).put("OVERDUE", 2).put("overdue", 3)));
        r.get("/api/national-sync/deliveries").handler(ctx -> {
            String status = ctx.request().getParam("status");
            boolean overdue = "true".equals(ctx.request().getParam("overdue"));
            JsonArray items = new JsonArray();
            if ("REJECTED".equals(status) || overdue) {
                items.add(delivery("REJECTED", true).put("reasons", new JsonArray().add(new JsonObject()
                        .put("field", "person.rank").put("code", "required-for-civil-servant")
                        .put("message", "a civil servant's file carries the rank (ngạch)"))));
            }
            if ("PENDING".equals(status)) {
                items.add(delivery("PENDING", false).put("lastError", "HTTP 503"));
            }
            json(ctx, 200, page(items));
        });
        r.post("/api/national-sync/deliveries/:id/resend").handler(ctx -> json(ctx, 200,
                delivery("PENDING", true).put("revision", 2)));
        JsonObject load = new JsonObject().put("id", "6e000000-0000-4000-8000-000000000001").put("status", "RUNNING")
                .put("requestedBy", "admin").put("startedAt", "2026-06-30T01:00:00Z").put("totalPeople", 12500)
                .put("processedPeople", 6250).put("deliveriesCreated", 9800).put("percent", 50);
        r.get("/api/national-sync/initial-loads").handler(ctx -> json(ctx, 200, new JsonObject()
                .put("items", new JsonArray().add(load)).put("page", 0).put("size", 1).put("total", 1)));
        r.post("/api/national-sync/initial-loads").handler(ctx -> json(ctx, 200, load));
        return r;
    }

    private static JsonObject delivery(String status, boolean overdue) {
        return new JsonObject().put("id", "6d000000-0000-4000-8000-000000000001").put("personnelId", KHANG)
                .put("fullName", "Nguyễn Thị Hồng Khang").put("orgUnitCode", UNIT).put("section", "PERSON")
                .put("sectionKey", "person").put("sequence", 7).put("status", status).put("revision", 1)
                .put("recordedOn", "2026-04-24").put("deadline", "2026-05-04").put("overdue", overdue)
                .put("attempts", 3).put("reasons", new JsonArray()).putNull("waitingFor");
    }

    private static JsonObject person(String id, String name, String category) {
        return new JsonObject().put("id", id).put("nationalId", "0010********").put("fullName", name)
                .putNull("dateOfBirth").put("birthYear", 1985).put("gender", "FEMALE").put("ethnicity", "Kinh")
                .put("category", category).put("orgUnitCode", UNIT).put("jobPositionCode", "CHUYEN_VIEN")
                .put("titleCode", "PHO_PHONG").put("rankCode", "01.003").put("managementTier", "DIVISION")
                .put("startedServiceOn", "2010-09-01").put("email", "khang@example.vn").put("phone", "0912345678")
                .put("status", "ACTIVE").putNull("leftOn").putNull("leftReason").putNull("accountUsername")
                .put("masked", true).put("version", 3);
    }

    private static JsonObject unit(String code, String name, String parent) {
        return new JsonObject().put("code", code).put("name", name).put("kind", parent == null ? "PROVINCE" : "DISTRICT")
                .put("parentCode", parent).put("validFrom", "2020-01-01").putNull("validTo").putNull("mergedInto")
                .putNull("children");
    }

    /** Field errors as personnel-service gives them: a missing (or emptied) required field, an ID of other than 12 digits. */
    private static JsonArray personErrors(JsonObject body, boolean create) {
        JsonArray errors = new JsonArray();
        if (body == null) {
            return errors.add(fieldError("body", "required", "Bắt buộc nhập"));
        }
        for (String field : new String[] {"nationalId", "fullName", "dateOfBirth", "gender", "category"}) {
            boolean present = body.containsKey(field);
            Object value = body.getValue(field);
            if ((create && value == null) || (present && value != null && value.toString().isBlank())) {
                errors.add(fieldError(field, "required", "Không được để trống"));
            }
        }
        String nationalId = body.getString("nationalId");
        if (nationalId != null && !nationalId.isBlank() && !nationalId.matches("\\d{12}")) {
            errors.add(fieldError("nationalId", "national-id-format", "Số định danh cá nhân phải gồm đúng 12 chữ số"));
        }
        String born = body.getString("dateOfBirth");
        if (born != null && !born.matches("\\d{4}-\\d{2}-\\d{2}")) {
            errors.add(fieldError("dateOfBirth", "format", "Ngày không hợp lệ"));
        }
        return errors;
    }

    private static JsonObject fieldError(String field, String code, String message) {
        return new JsonObject().put("field", field).put("code", code).put("message", message);
    }

    private static void fieldErrors(RoutingContext ctx, JsonArray errors) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", "Dữ liệu không hợp lệ").put("status", 400)
                        .put("detail", "Có trường không hợp lệ.").put("code", "validation-failed")
                        .put("errors", errors).encode());
    }

    private static JsonObject job(String status, String fileName, String mode, int processed, JsonArray errors,
            String finishedAt) {
        return new JsonObject().put("id", JOB).put("fileName", fileName).put("mode", mode).put("status", status)
                .put("totalRows", 3).put("processedRows", processed).put("created", 0).put("updated", 0)
                .put("unchanged", 0).put("errorRows", errors.size()).put("errors", errors)
                .put("startedAt", "2026-03-02T08:00:01+07:00").put("finishedAt", finishedAt);
    }

    private static JsonObject historyJob(String status, String fileName, String mode, int processed, int rejected,
            JsonArray errors, String finishedAt) {
        return new JsonObject().put("id", JOB).put("fileName", fileName).put("mode", mode).put("status", status)
                .put("totalRows", 3).put("processedRows", processed).put("created", 2).put("unchanged", 0)
                .put("rejected", rejected).put("errors", errors)
                .put("startedAt", "2026-03-02T08:00:01+07:00").put("finishedAt", finishedAt);
    }

    // ---- course-service ---------------------------------------------------------------------------------------

    Router course() {
        Router r = router();
        r.get("/api/classes").handler(ctx -> json(ctx, 200, page(new JsonArray().add(courseClass()))));
        r.get("/api/classes/:id").handler(ctx -> {
            if (!CLASS.equals(ctx.pathParam("id"))) {
                problem(ctx, 404, "class-not-found", "Không tìm thấy", "Không có lớp này.");
                return;
            }
            json(ctx, 200, courseClass());
        });
        r.get("/api/programs").handler(ctx -> json(ctx, 200, page(new JsonArray().add(new JsonObject()
                .put("id", "90000000-0000-4000-8000-000000000001").put("code", "LLCT-TC").put("version", 2)
                .put("currentVersion", 2).put("status", "PUBLISHED").put("name", "Trung cấp lý luận chính trị - hành chính")
                .put("category", "POLITICAL_THEORY").put("level", "INTERMEDIATE").put("periods", 1120).put("days", 140)
                .put("deliveryMode", "PART_TIME").put("credential", "DIPLOMA")))));
        return r;
    }

    private static JsonObject courseClass() {
        return new JsonObject().put("id", CLASS).put("code", "LLCT-TC-2026-01")
                .put("program", new JsonObject().put("programId", "90000000-0000-4000-8000-000000000001")
                        .put("code", "LLCT-TC").put("version", 2).put("name", "Trung cấp lý luận chính trị - hành chính")
                        .put("category", "POLITICAL_THEORY").put("level", "INTERMEDIATE").put("periods", 1120)
                        .put("deliveryMode", "PART_TIME"))
                .put("institutionCode", "TCT-HG").put("organisingUnitCode", "HG").put("location", "DOMESTIC")
                .putNull("country").put("venue", "Trường Chính trị tỉnh").put("startDate", "2026-03-02")
                .put("endDate", "2026-12-18").put("capacity", 60).put("minCapacity", 20)
                .put("registrationOpensOn", "2026-01-05").put("registrationClosesOn", "2026-02-20")
                .put("openForRegistration", true).put("costPerLearnerVnd", 8500000).put("status", "OPEN")
                .putNull("cancelReason")
                .put("sessions", new JsonArray()
                        .add(new JsonObject().put("sessionId", SESSION_1).put("date", "2026-03-02")
                                .put("startTime", "07:30:00").put("endTime", "11:00:00")
                                .put("topic", "Chủ nghĩa Mác - Lênin").put("lecturer", "TS. Lê Văn An"))
                        .add(new JsonObject().put("sessionId", SESSION_2).put("date", "2026-03-03")
                                .put("startTime", "07:30:00").put("endTime", "11:00:00")
                                .put("topic", "Tư tưởng Hồ Chí Minh").put("lecturer", "ThS. Phạm Thu Hà")))
                .put("revision", 4).put("updatedAt", "2026-01-05T09:00:00+07:00");
    }

    // ---- enrolment-service ------------------------------------------------------------------------------------

    Router enrolment() {
        Router r = router();
        // NotificationPreferenceResource: PreferenceView {kind, label, optional, enabled}; PUT takes {enabled}
        r.get("/api/personnel/:id/notification-preferences").handler(ctx -> json(ctx, 200, preferences(true)));
        r.put("/api/personnel/:id/notification-preferences/:kind").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !(body.getValue("enabled") instanceof Boolean enabled)) {
                invalid(ctx, "enabled");
                return;
            }
            if ("COMMITMENT_BREACHED".equals(ctx.pathParam("kind")) && !enabled) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("type", "about:blank").put("title", "Dữ liệu không hợp lệ")
                                .put("status", 400).put("code", "validation-failed").put("errors", new JsonArray()
                                        .add(fieldError("enabled", "mandatory-notification",
                                                "Loại thông báo này là bắt buộc, không tắt được."))).encode());
                return;
            }
            if (!"CLASS_RESCHEDULED".equals(ctx.pathParam("kind"))) {
                problem(ctx, 404, "not-found", "Không tìm thấy", "Không có loại thông báo này.");
                return;
            }
            json(ctx, 200, preferences(enabled));
        });
        // EnrolmentRequestService.Snapshot: a staff member's request to be sent on a class
        r.get("/api/enrolment-requests").handler(ctx -> json(ctx, 200, page(new JsonArray().add(request("PENDING")))));
        // a staff member asks for a class open for registration (EnrolmentRequestResource.Create {classId, note})
        r.post("/api/enrolment-requests").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !uuid(body.getString("classId"))) {
                invalid(ctx, "classId");
                return;
            }
            if (!CLASS.equals(body.getString("classId"))) {
                problem(ctx, 422, "registration-closed", "Ngoài thời hạn đăng ký", "Lớp không nhận đăng ký lúc này.");
                return;
            }
            json(ctx, 201, request("PENDING").put("note", body.getString("note")));
        });
        // the officer accepts (EnrolmentRequestResource.Accept) or declines (RequiredReason) a request
        r.post("/api/enrolment-requests/:id/nominate").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !REQUEST.equals(ctx.pathParam("id"))) {
                problem(ctx, 404, "enrolment-request-not-found", "Không tìm thấy", "Không có đề nghị này.");
                return;
            }
            if (body.containsKey("decisionDate") && !body.getString("decisionDate").matches("\\d{4}-\\d{2}-\\d{2}")) {
                invalid(ctx, "decisionDate");
                return;
            }
            json(ctx, 200, request("ACCEPTED").put("enrolmentId", NOMINATED));
        });
        r.post("/api/enrolment-requests/:id/decline").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || body.getString("reason") == null || body.getString("reason").isBlank()) {
                invalid(ctx, "reason");
                return;
            }
            json(ctx, 200, request("DECLINED").put("declineReason", body.getString("reason")));
        });
        // CommitmentResource: Commitment entities, paged
        r.get("/api/commitments").handler(ctx -> json(ctx, 200, page(new JsonArray().add(new JsonObject()
                .put("id", "c0000000-0000-4000-8000-000000000001").put("enrolmentId", APPROVED)
                .put("personnelId", ctx.request().getParam("personnelId")).put("ruleSetCode", "ND171-2025")
                .put("startsOn", "2025-07-26").put("endsOn", "2028-07-26").put("months", 36).put("costVnd", 12500000)
                .put("status", "ACTIVE").putNull("breachedOn").putNull("closedOn").putNull("closedReason")))));
        // CredentialResource.Verification: public
        r.get("/api/credentials/:number/verify").handler(ctx -> {
            String number = ctx.pathParam("number");
            boolean genuine = "CC-2025-0042".equals(number);
            json(ctx, 200, new JsonObject().put("credentialNumber", number).put("genuine", genuine)
                    .put("holder", genuine ? "Nguyễn T. H. K." : null).put("programCode", genuine ? "QLNN-CVC" : null)
                    .put("programName", genuine ? "Bồi dưỡng ngạch chuyên viên chính" : null)
                    .put("category", genuine ? "STATE_MANAGEMENT" : null).put("level", genuine ? "PRINCIPAL_SPECIALIST" : null)
                    .put("classCode", genuine ? "BD-QLNN-2025-03" : null).put("grade", genuine ? "GOOD" : null)
                    .put("completedOn", genuine ? "2025-07-25" : null).put("issuedOn", genuine ? "2025-07-30" : null));
        });
        // EnrolmentRequests.Exam {kind, score 0-100, passed, takenOn}: one sitting; answers the EnrolmentView
        r.post("/api/enrolments/:id/exams").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !Set.of("ENTRY", "EXIT").contains(body.getString("kind"))
                    || !(body.getValue("passed") instanceof Boolean)) {
                invalid(ctx, "kind");
                return;
            }
            if (!APPROVED.equals(ctx.pathParam("id"))) {
                problem(ctx, 404, "enrolment-not-found", "Không tìm thấy", "Không có học viên này.");
                return;
            }
            JsonObject sitting = new JsonObject().put("kind", body.getString("kind")).put("attempt", 2)
                    .put("score", body.getValue("score")).put("passed", body.getBoolean("passed"))
                    .put("takenOn", body.getString("takenOn", "2026-03-02"));
            json(ctx, 200, enrolment(APPROVED, BINH, "Trần Văn Bình", "IN_PROGRESS", "FIT").put("exams",
                    new JsonArray().add(new JsonObject().put("kind", sitting.getString("kind")).put("attempt", 1)
                            .put("score", 4.0).put("passed", false).put("takenOn", "2026-03-01")).add(sitting)));
        });
        r.post("/api/enrolments/imports").handler(ctx -> {
            String type = ctx.request().getHeader("Content-Type");
            if (type == null || !(type.startsWith(XLSX) || type.startsWith("text/csv")) || ctx.body().length() == 0) {
                problem(ctx, 400, "import-format", "Tệp không đọc được", "Chỉ nhận tệp .xlsx hoặc .csv.");
                return;
            }
            ctx.response().putHeader("Location", "/api/enrolments/imports/" + JOB);
            JsonObject job = historyJob("RUNNING", ctx.request().getParam("fileName"),
                    ctx.request().getParam("mode", "ALL_OR_NOTHING"), 1, 0, new JsonArray(), null);
            if (ctx.request().getParam("fileName", "").startsWith("cham")) {
                // a large workbook: the service reads it whole before it answers
                vertx.setTimer(SLOW_UPLOAD.toMillis(), t -> json(ctx, 202, job));
            } else {
                json(ctx, 202, job);
            }
        });
        r.get("/api/enrolments/imports/:id").handler(ctx -> {
            if (!JOB.equals(ctx.pathParam("id"))) {
                problem(ctx, 404, "import-not-found", "Không tìm thấy lượt nhập", "Không có lượt nhập này.");
                return;
            }
            json(ctx, 200, historyJob("COMPLETED", "lich-su.csv", "VALID_ROWS", 3, 1, new JsonArray().add(new JsonObject()
                    .put("row", 3).put("field", "nationalId").put("code", "person-unknown-national-id")
                    .put("message", "Không có cán bộ nào mang số định danh này trong hồ sơ")),
                    "2026-03-02T08:00:03+07:00"));
        });
        r.get("/api/enrolments").handler(ctx -> {
            String status = ctx.request().getParam("status");
            JsonArray items = new JsonArray();
            if (CLASS.equals(ctx.request().getParam("classId")) && status == null) {
                // the class's learners with their sittings (EnrolmentView.exams)
                items.add(enrolment(APPROVED, BINH, "Trần Văn Bình", "IN_PROGRESS", "FIT").put("exams", new JsonArray()
                        .add(new JsonObject().put("kind", "ENTRY").put("attempt", 1).put("score", 4.0)
                                .put("passed", false).put("takenOn", "2026-03-01"))));
            }
            if (status == null || "NOMINATED".equals(status)) {
                items.add(enrolment(NOMINATED, KHANG, "Nguyễn Thị Hồng Khang", "NOMINATED", "WARN"));
            }
            json(ctx, 200, page(items));
        });
        r.post("/api/enrolments/assess/bulk").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            JsonArray ids = body == null ? null : body.getJsonArray("personnelIds");
            if (body == null || !uuid(body.getString("classId")) || ids == null || ids.isEmpty()
                    || ids.stream().anyMatch(id -> !(id instanceof String text) || !uuid(text))) {
                invalid(ctx, "personnelIds");
                return;
            }
            JsonArray results = new JsonArray();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.getString(i);
                JsonObject row = new JsonObject().put("row", i).put("personnelId", id);
                if (BINH.equals(id)) {
                    results.add(row.put("status", 200).put("eligible", false).put("rule", "level-already-held")
                            .put("title", "Đã có trình độ này")
                            .put("detail", "Cán bộ đã có trình độ trung cấp lý luận chính trị, không cử học lại.")
                            .put("fit", fit("MISFIT", "already-holds-level", "Đã có trình độ mà lớp cấp")));
                } else {
                    results.add(row.put("status", 200).put("eligible", true).putNull("rule").putNull("title")
                            .putNull("detail").put("fit", fit("WARN", "not-in-succession-plan",
                                    "Chưa được quy hoạch vào chức danh cần trình độ này")));
                }
            }
            json(ctx, 200, new JsonObject().put("results", results));
        });
        r.post("/api/enrolments").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !uuid(body.getString("personnelId")) || !uuid(body.getString("classId"))) {
                invalid(ctx, "personnelId");
                return;
            }
            json(ctx, 201, enrolment(NOMINATED, body.getString("personnelId"), "Nguyễn Thị Hồng Khang", "NOMINATED", "WARN"));
        });
        r.post("/api/enrolments/bulk").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            JsonArray rows = body == null ? null : body.getJsonArray("rows");
            if (rows == null || rows.isEmpty()) {
                invalid(ctx, "rows");
                return;
            }
            JsonArray results = new JsonArray();
            int created = 0;
            for (int i = 0; i < rows.size(); i++) {
                String person = rows.getJsonObject(i).getString("personnelId");
                if (KHANG.equals(person)) {
                    results.add(new JsonObject().put("row", i).put("status", 201).put("enrolmentId", NOMINATED)
                            .put("fit", "WARN").putNull("code").putNull("title").putNull("detail"));
                    created++;
                } else {
                    results.add(new JsonObject().put("row", i).put("status", 422).putNull("enrolmentId").putNull("fit")
                            .put("code", "level-already-held").put("title", "Đã có trình độ này")
                            .put("detail", "Cán bộ đã có trình độ trung cấp lý luận chính trị, không cử học lại."));
                }
            }
            json(ctx, 200, new JsonObject().put("created", created).put("refused", rows.size() - created)
                    .put("results", results));
        });
        r.post("/api/enrolments/:id/approve").handler(ctx -> {
            if (!NOMINATED.equals(ctx.pathParam("id"))) {
                problem(ctx, 404, "enrolment-not-found", "Không tìm thấy", "Không có đề cử này.");
                return;
            }
            json(ctx, 200, enrolment(NOMINATED, KHANG, "Nguyễn Thị Hồng Khang", "APPROVED", "WARN"));
        });
        r.post("/api/class-enrolments/:classId/approvals").handler(ctx -> {
            if (!CLASS.equals(ctx.pathParam("classId"))) {
                problem(ctx, 404, "class-unknown", "Không tìm thấy lớp", "Lớp chưa có trong dịch vụ đề cử.");
                return;
            }
            JsonArray ids = jsonBody(ctx).getJsonArray("enrolmentIds");
            JsonArray results = new JsonArray();
            int approved = 0;
            for (int i = 0; i < ids.size(); i++) {
                boolean known = NOMINATED.equals(ids.getString(i));
                approved += known ? 1 : 0;
                results.add(new JsonObject().put("row", i).put("enrolmentId", ids.getString(i))
                        .put("status", known ? 200 : 404).put("enrolmentStatus", known ? "APPROVED" : null)
                        .putNull("waitlistPosition").put("code", known ? null : "enrolment-not-found")
                        .put("title", known ? null : "Không tìm thấy đề cử"));
            }
            json(ctx, 200, new JsonObject().put("approved", approved).put("waitlisted", 0)
                    .put("refused", ids.size() - approved).put("results", results));
        });
        r.post("/api/enrolments/:id/reject").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || body.getString("reason") == null || body.getString("reason").isBlank()) {
                invalid(ctx, "reason");
                return;
            }
            if (!NOMINATED.equals(ctx.pathParam("id"))) {
                problem(ctx, 404, "enrolment-not-found", "Không tìm thấy", "Không có đề cử này.");
                return;
            }
            json(ctx, 200, enrolment(NOMINATED, KHANG, "Nguyễn Thị Hồng Khang", "REJECTED", "WARN"));
        });
        r.get("/api/personnel/:id/training-history").handler(ctx -> json(ctx, 200, new JsonObject()
                .put("personnelId", ctx.pathParam("id")).put("fullName", "Nguyễn Thị Hồng Khang")
                .put("entries", new JsonArray().add(new JsonObject().put("enrolmentId", APPROVED).put("classId", CLASS)
                        .put("classCode", "BD-QLNN-2025-03").put("programName", "Bồi dưỡng ngạch chuyên viên chính")
                        .put("category", "STATE_MANAGEMENT").put("level", "PRINCIPAL_SPECIALIST")
                        .put("startDate", "2025-05-05").put("endDate", "2025-07-25").put("status", "COMPLETED")
                        .put("fitAssessment", "FIT").put("grade", "GOOD").put("credentialNumber", "CC-2025-0042")
                        .put("credentialIssuedOn", "2025-07-30").put("periodsAttended", 200).put("completedOn", "2025-07-25")))));
        r.get("/api/class-enrolments/:classId").handler(ctx -> {
            if (!CLASS.equals(ctx.pathParam("classId"))) {
                problem(ctx, 404, "class-unknown", "Không tìm thấy lớp", "Lớp chưa có trong dịch vụ đề cử.");
                return;
            }
            json(ctx, 200, new JsonArray()
                    .add(learner(NOMINATED, KHANG, "Nguyễn Thị Hồng Khang", "NOMINATED", new JsonArray()))
                    .add(learner(APPROVED, BINH, "Trần Văn Bình", "APPROVED", new JsonArray().add(new JsonObject()
                            .put("enrolmentId", APPROVED).put("sessionId", SESSION_1).put("status", "EXCUSED")))));
        });
        r.put("/api/class-enrolments/:classId/attendance").handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            if (body == null || !Set.of(SESSION_1, SESSION_2).contains(body.getString("sessionId"))) {
                invalid(ctx, "sessionId");
                return;
            }
            JsonArray entries = body.getJsonArray("entries");
            if (entries == null || entries.isEmpty()) {
                invalid(ctx, "entries");
                return;
            }
            JsonArray saved = new JsonArray();
            for (int i = 0; i < entries.size(); i++) {
                JsonObject e = entries.getJsonObject(i);
                if (!APPROVED.equals(e.getString("enrolmentId"))) {
                    problem(ctx, 404, "enrolment-not-found", "Không tìm thấy", "Học viên không thuộc lớp này.");
                    return;
                }
                if (!Set.of("PRESENT", "ABSENT", "EXCUSED").contains(e.getString("status"))) {
                    invalid(ctx, "entries[" + i + "].status");
                    return;
                }
                saved.add(e.copy().put("sessionId", body.getString("sessionId")));
            }
            json(ctx, 200, saved);
        });
        r.get("/api/class-enrolments/:classId/results/template").handler(ctx -> ctx.response()
                .putHeader("Content-Type", XLSX).end("PK"));
        r.post("/api/class-enrolments/:classId/results/import").handler(ctx -> {
            String type = ctx.request().getHeader("Content-Type");
            if (type == null || !type.startsWith(XLSX)) {
                problem(ctx, 415, "unsupported-media-type", "Định dạng không được hỗ trợ", "Gửi tệp .xlsx làm nội dung yêu cầu.");
                return;
            }
            if (!Set.of("ALL_OR_NOTHING", "VALID_ROWS").contains(ctx.request().getParam("mode", "ALL_OR_NOTHING"))
                    || ctx.body().length() == 0) {
                problem(ctx, 400, "results-import-format", "Tệp không hợp lệ", "Tệp kết quả không đọc được.");
                return;
            }
            // ClassEnrolmentResource.ImportResult {mode, applied, unchanged, rejected, rows[ImportRow]}
            json(ctx, 200, new JsonObject().put("mode", ctx.request().getParam("mode", "ALL_OR_NOTHING"))
                    .put("applied", 1).put("unchanged", 0).put("rejected", 1).put("rows", new JsonArray()
                    .add(new JsonObject().put("row", 2).put("enrolmentId", APPROVED).put("outcome", "APPLIED")
                            .put("status", "COMPLETED").put("errors", new JsonArray()))
                    .add(new JsonObject().put("row", 3).putNull("enrolmentId").put("outcome", "REJECTED")
                            .putNull("status").put("errors", new JsonArray().add(new JsonObject().put("field", "grade")
                                    .put("code", "grade").put("message", "Xếp loại phải là Xuất sắc, Giỏi, Khá hoặc Trung bình"))))));
        });
        return r;
    }

    static final String REQUEST = "4e000000-0000-4000-8000-000000000001";

    /** EnrolmentRequestService.Snapshot. */
    private static JsonArray preferences(boolean rescheduled) {
        return new JsonArray()
                .add(new JsonObject().put("kind", "NOMINATION_APPROVED").put("label", "Đề nghị cử đi học được phê duyệt")
                        .put("optional", true).put("enabled", true))
                .add(new JsonObject().put("kind", "CLASS_RESCHEDULED").put("label", "Lớp học thay đổi lịch")
                        .put("optional", true).put("enabled", rescheduled))
                .add(new JsonObject().put("kind", "COMMITMENT_BREACHED")
                        .put("label", "Cam kết phục vụ sau đào tạo bị vi phạm").put("optional", false).put("enabled", true));
    }

    private static JsonObject request(String status) {
        return new JsonObject().put("id", REQUEST).put("personnelId", BINH).put("classId", CLASS).put("status", status)
                .putNull("enrolmentId").putNull("declineReason").put("note", "Xin được học để chuẩn hóa");
    }

    private static JsonObject fit(String assessment, String code, String message) {
        return new JsonObject().put("assessment", assessment)
                .put("reasons", new JsonArray().add(new JsonObject().put("code", code).put("message", message)));
    }

    private static JsonObject enrolment(String id, String personnelId, String name, String status, String fit) {
        return new JsonObject().put("id", id).put("personnelId", personnelId).put("personName", name)
                .put("classId", CLASS).put("classCode", "LLCT-TC-2026-01")
                .put("programId", "90000000-0000-4000-8000-000000000001")
                .put("programName", "Trung cấp lý luận chính trị - hành chính").put("category", "POLITICAL_THEORY")
                .put("level", "INTERMEDIATE").put("deliveryMode", "PART_TIME").put("location", "DOMESTIC")
                .put("startDate", "2026-03-02").put("endDate", "2026-12-18").put("nominatingUnitCode", UNIT)
                .put("personOrgUnitCode", UNIT).put("personCategory", "CIVIL_SERVANT").put("status", status)
                .putNull("waitlistPosition")
                .put("fit", fit(fit, "not-in-succession-plan", "Chưa được quy hoạch vào chức danh cần trình độ này"))
                .put("justification", "Đáp ứng tiêu chuẩn chức danh trưởng phòng").put("decisionNumber", "45/QĐ-SNV")
                .put("decisionDate", "2026-01-20").put("fundingSource", "STATE_BUDGET").put("fundingAmountVnd", 8500000)
                .put("costVnd", 8500000).put("exams", new JsonArray());
    }

    private static JsonObject learner(String enrolmentId, String personnelId, String name, String status,
            JsonArray attendance) {
        return new JsonObject().put("enrolmentId", enrolmentId).put("personnelId", personnelId).put("fullName", name)
                .put("status", status).putNull("waitlistPosition").put("fitAssessment", "FIT").putNull("grade")
                .putNull("credentialNumber").putNull("periodsAttended").put("attendance", attendance);
    }

    // ---- reporting-service ------------------------------------------------------------------------------------

    Router reporting() {
        Router r = router();
        r.get("/api/reports/training-summary").handler(ctx -> {
            if ("xlsx".equals(param(ctx, "format"))) {
                // a workbook only for a well-formed period, as the service
                boolean dates = String.valueOf(param(ctx, "from")).matches("\\d{4}-\\d{2}-\\d{2}")
                        && String.valueOf(param(ctx, "to")).matches("\\d{4}-\\d{2}-\\d{2}");
                ctx.response().setStatusCode(dates ? 200 : 400).putHeader("Content-Type", dates
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/plain")
                        .end(io.vertx.core.buffer.Buffer.buffer(new byte[] {'P', 'K', 3, 4}));
                return;
            }
            JsonObject line = new JsonObject().put("category", "POLITICAL_THEORY").put("categoryName", "Lý luận chính trị")
                    .put("level", "INTERMEDIATE").put("levelName", "Trung cấp").put("classes", 2).put("turns", 12)
                    .put("people", 11).put("completed", 10).put("failed", 1).put("withdrawn", 1).put("inProgress", 0)
                    .put("periods", 13440).put("costVnd", 102000000);
            JsonObject total = line.copy().putNull("category").putNull("categoryName").putNull("level").putNull("levelName");
            json(ctx, 200, new JsonObject().put("unit", param(ctx, "unit")).put("unitName", "Sở Nội vụ")
                    .put("from", param(ctx, "from")).put("to", param(ctx, "to"))
                    .put("staffCategory", param(ctx, "staffCategory"))
                    .put("rows", new JsonArray().add(line)).put("total", total)
                    .put("byDeliveryMode", new JsonArray().add(new JsonObject().put("code", "PART_TIME")
                            .put("name", "Không tập trung").put("turns", 12).put("costVnd", 102000000).put("fundedVnd", 102000000)))
                    .put("byLocation", new JsonArray()).put("byFundingSource", new JsonArray()));
        });
        r.get("/api/reports/training-summary/details").handler(ctx -> {
            JsonArray items = new JsonArray();
            if ("POLITICAL_THEORY".equals(ctx.request().getParam("category"))) {
                items.add(new JsonObject().put("enrolmentId", APPROVED).put("personnelId", KHANG)
                        .put("fullName", "Nguyễn Thị Hồng Khang").put("unitCode", UNIT).put("staffCategory", "CIVIL_SERVANT")
                        .put("category", "POLITICAL_THEORY").put("level", "INTERMEDIATE").put("deliveryMode", "PART_TIME")
                        .put("location", "DOMESTIC").put("startDate", "2026-03-02").put("endDate", "2026-12-18")
                        .put("status", "COMPLETED").put("fundingSource", "STATE_BUDGET").put("costVnd", 8500000)
                        .put("periods", 1120));
            }
            json(ctx, 200, page(items));
        });
        r.get("/api/reports/qualification-stock").handler(ctx -> json(ctx, 200, new JsonObject()
                .put("unit", param(ctx, "unit")).put("unitName", "Sở Nội vụ").put("at", param(ctx, "at")).putNull("compareTo")
                .put("staffCategory", param(ctx, "staffCategory")).put("rows", new JsonArray().add(new JsonObject()
                        .put("kind", "POLITICAL_THEORY").put("kindName", "Lý luận chính trị").put("level", "INTERMEDIATE")
                        .put("levelName", "Trung cấp").put("at", 37).putNull("compareTo").putNull("change")))));
        r.get("/api/reports/yearly-minimum").handler(ctx -> {
            JsonObject line = new JsonObject().put("unit", UNIT).put("unitName", "Phòng Tổ chức - Văn thư").put("active", 10)
                    .put("met", 8).put("notMet", 2).put("metShare", 0.8);
            json(ctx, 200, new JsonObject().put("unit", param(ctx, "unit")).put("unitName", "Sở Nội vụ")
                    .put("year", 2026).put("asOf", "2026-03-02").put("minimumPeriods", 40)
                    .put("staffCategory", param(ctx, "staffCategory")).put("rows", new JsonArray().add(line))
                    .put("total", line.copy().put("unit", "HG.SNV").put("unitName", "Sở Nội vụ")));
        });
        r.get("/api/reports/commitments").handler(ctx -> {
            JsonObject line = new JsonObject().put("unit", UNIT).put("unitName", "Phòng Tổ chức - Văn thư").put("open", 1)
                    .put("fulfilled", 0).put("breached", 1).put("released", 0).put("openCostVnd", 30000000)
                    .put("repaymentCases", 1).put("decidedVnd", 45000000).put("recoveredVnd", 0);
            JsonObject unknown = line.copy().put("unit", "").put("unitName", "Chưa xác định đơn vị");
            json(ctx, 200, new JsonObject().put("unit", param(ctx, "unit")).put("unitName", "Sở Nội vụ")
                    .put("asOf", "2026-11-30").put("staffCategory", param(ctx, "staffCategory"))
                    .put("rows", new JsonArray().add(line).add(unknown)).put("total", line.copy().put("unit", "HG.SNV")));
        });
        r.get("/api/reports/commitments/details").handler(ctx -> {
            JsonArray items = new JsonArray();
            if (UNIT.equals(param(ctx, "unit")) && "BREACHED".equals(param(ctx, "state"))) {
                items.add(new JsonObject().put("commitmentId", APPROVED).putNull("enrolmentId").put("personnelId", KHANG)
                        .put("fullName", "Nguyễn Thị Hồng Khang").put("unitCode", UNIT).put("staffCategory", "CIVIL_SERVANT")
                        .put("state", "BREACHED").put("startsOn", "2024-09-01").put("endsOn", "2030-09-01")
                        .put("months", 72).put("costVnd", 90000000));
            }
            json(ctx, 200, page(items));
        });
        r.get("/api/reports/commitments/repayments").handler(ctx -> {
            JsonArray items = new JsonArray();
            if (UNIT.equals(param(ctx, "unit")) && "DECIDED".equals(param(ctx, "column"))) {
                items.add(new JsonObject().put("caseId", APPROVED).put("commitmentId", APPROVED).putNull("enrolmentId")
                        .put("personnelId", KHANG).put("fullName", "Nguyễn Thị Hồng Khang").put("unitCode", UNIT)
                        .put("staffCategory", "CIVIL_SERVANT").put("status", "DECIDED").put("amountVnd", 45000000)
                        .put("decisionNumber", "45/QĐ-HĐ").put("decidedOn", "2026-10-15"));
            }
            json(ctx, 200, page(items));
        });
        return r;
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private Router router() {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        // every service's dead-letter topics (platform DeadLetterResource: admins only), two records on enrolment's
        r.get("/api/admin/dead-letters").handler(ctx -> {
            if (!admin(ctx)) {
                problem(ctx, 403, "forbidden", "Không có quyền", "Chỉ quản trị hệ thống.");
                return;
            }
            boolean enrolment = ctx.request().localAddress().port() == enrolmentPort;
            json(ctx, 200, enrolment ? new JsonArray().add(new JsonObject().put("topic", "training.enrolment.dlq")
                    .put("records", 2).put("pending", 2)) : new JsonArray());
        });
        r.post("/api/admin/dead-letters/:topic/redrive").handler(ctx -> {
            if (!admin(ctx) || !"training.enrolment.dlq".equals(ctx.pathParam("topic"))) {
                problem(ctx, 404, "not-found", "Không tìm thấy", "Không có hàng đợi này.");
                return;
            }
            json(ctx, 200, new JsonObject().put("topic", ctx.pathParam("topic")).put("redriven", 2));
        });
        return r;
    }

    private volatile int enrolmentPort;

    /** Whether the caller's token (relayed by the console) has the admin role. */
    private static boolean admin(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        return new JsonObject(payload).getJsonObject("realm_access", new JsonObject())
                .getJsonArray("roles", new JsonArray()).contains("admin");
    }

    private int listen(Router router) {
        // anything not routed above is what the real service would not answer either
        router.route().last().handler(ctx -> problem(ctx, 404, "not-found", "Không tìm thấy",
                "Dịch vụ không có " + ctx.request().method() + " " + ctx.request().path()));
        try {
            return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject page(JsonArray items) {
        return new JsonObject().put("items", items).put("page", 0).put("size", 20).put("total", items.size());
    }

    private static String param(RoutingContext ctx, String name) {
        return ctx.request().getParam(name);
    }

    private static boolean uuid(String value) {
        return value != null && value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static JsonObject jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return null;
        }
        try {
            return ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode());
    }

    private static void invalid(RoutingContext ctx, String field) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", "Dữ liệu không hợp lệ").put("status", 400)
                        .put("detail", "Có trường không hợp lệ.").put("code", "validation-failed")
                        .put("errors", new JsonArray().add(new JsonObject().put("field", field).put("code", "required")
                                .put("message", "Bắt buộc nhập"))).encode());
    }

    private static void problem(RoutingContext ctx, int status, String code, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).put("code", code).encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
