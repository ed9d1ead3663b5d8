package vn.gov.training.deploy.console;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import vn.gov.training.deploy.ProvinceDay;
import vn.gov.training.platform.testing.Poll;

/**
 * The data the journey needs, created through the gateway's public API as admin (the demo data may hold more):
 * the units, a person of HG.VT with a fresh Vietnamese name who already holds intermediate political theory (so
 * an intermediate political theory class draws a fit warning), the institution, a published programme, and an
 * open class of that institution.
 */
final class JourneyData {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"};
    private static final String[] MIDDLE = {"Thị", "Văn", "Ngọc", "Thanh", "Minh", "Hồng", "Quốc", "Bảo", "Diệu",
        "Khánh", "Phương", "Đức", "Tường", "Mỹ", "Xuân", "Thùy"};
    private static final String[] GIVEN = {"Khang", "Tuyết", "Hạnh", "Dũng", "Đạt", "Nguyệt", "Uyên", "Lộc", "Thắm",
        "Nhựt", "Đoan", "Phượng", "Quý", "Trâm", "Ẩn", "Hiếu"};

    final String suffix;
    final String fullName;
    final String folded;
    String personId;
    String programId;
    String classId;
    private Map<String, Object> classBody;
    final String classCode;
    /** A second open class of the programme, which the demo staff user asks to be sent to. */
    String requestClassId;
    final String requestClassCode;

    JourneyData() {
        Random random = new Random();
        suffix = Integer.toString(100_000 + random.nextInt(900_000));
        fullName = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
        folded = fold(fullName);
        classCode = "E2E-" + suffix;
        requestClassCode = "E2E-DN-" + suffix;
    }

    static String fold(String text) {
        String decomposed = java.text.Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'),
                java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase();
    }

    static String gateway() {
        return JourneyStack.url("GATEWAY_URL");
    }

    static io.restassured.specification.RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + JourneyStack.token(user)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static void ensure(Response response, String what, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new AssertionError(what + ": HTTP " + response.statusCode() + " " + response.asString());
    }

    void units() {
        for (String[] unit : new String[][] {{"HG", "Tỉnh Hậu Giang", "PROVINCE", null},
            {"HG.VT", "Thành phố Vị Thanh", "DISTRICT", "HG"}, {"HG.CT", "Huyện Châu Thành", "DISTRICT", "HG"},
            {"HG.TCT", "Trường Chính trị tỉnh Hậu Giang", "SCHOOL", "HG"}}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", unit[0]);
            body.put("name", unit[1]);
            body.put("kind", unit[2]);
            if (unit[3] != null) {
                body.put("parentCode", unit[3]);
            }
            ensure(as("admin").body(body).post(gateway() + "/api/org-units"), "unit " + unit[0], 201, 409);
        }
    }

    /** Two more people of the unit, for a nomination of two picked in two searches (by their national IDs). */
    final String[] others = new String[2];
    final String[] otherIds = new String[2];
    final String[] otherNames = new String[2];

    void otherPeople() {
        for (int i = 0; i < 2; i++) {
            // 093 = Hậu Giang, 0 = man born in the 20th century, 88/89 = year of birth
            others[i] = "09308" + (8 + i) + suffix;
            otherNames[i] = (i == 0 ? "Triệu Văn " : "Quách Minh ") + GIVEN[Integer.parseInt(suffix) % GIVEN.length];
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("nationalId", others[i]);
            person.put("fullName", otherNames[i]);
            person.put("dateOfBirth", LocalDate.of(1988 + i, 7, 1).toString());
            person.put("gender", "MALE");
            person.put("ethnicity", "Kinh");
            person.put("category", "CIVIL_SERVANT");
            person.put("orgUnitCode", "HG.VT");
            person.put("startedServiceOn", "2012-08-01");
            Response created = as("admin").body(person).post(gateway() + "/api/personnel");
            ensure(created, "person " + i, 201, 200);
            otherIds[i] = created.path("id").toString();
        }
    }

    void person() {
        LocalDate born = LocalDate.of(1985, 3, 14);
        // 093 = Hậu Giang, 1 = woman born in the 20th century, 85 = year of birth, then six digits
        String nationalId = "093185" + suffix;
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nationalId", nationalId);
        person.put("fullName", fullName);
        person.put("dateOfBirth", born.toString());
        person.put("gender", "FEMALE");
        person.put("ethnicity", "Kinh");
        person.put("category", "CIVIL_SERVANT");
        person.put("orgUnitCode", "HG.VT");
        person.put("startedServiceOn", "2010-08-01");
        Response created = as("admin").body(person).post(gateway() + "/api/personnel");
        ensure(created, "person", 201, 200);
        personId = created.path("id").toString();
        Response qualification = as("admin").body(Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE",
                "awardedOn", "2015-06-30", "institution", "Trường Chính trị tỉnh Hậu Giang", "source", "MANUAL"))
                .post(gateway() + "/api/personnel/" + personId + "/qualifications");
        ensure(qualification, "qualification", 201, 200);
    }

    /** A person of the unit with a mail address and no account yet: the officer creates their account in the console. */
    String newcomerId;
    final String newcomerName = "Lâm Thị Bích Ngọc";

    String newcomerMail() {
        return "e2e-" + suffix + "@haugiang.gov.vn";
    }

    void newcomer() {
        Map<String, Object> person = new LinkedHashMap<>();
        // 093 = Hậu Giang, 3 = woman born in the 21st century, 01 = year of birth
        person.put("nationalId", "093301" + suffix);
        person.put("fullName", newcomerName);
        person.put("dateOfBirth", "2001-04-02");
        person.put("gender", "FEMALE");
        person.put("ethnicity", "Kinh");
        person.put("category", "PUBLIC_EMPLOYEE");
        person.put("orgUnitCode", "HG.VT");
        person.put("startedServiceOn", "2024-09-01");
        person.put("email", newcomerMail());
        Response created = as("admin").body(person).post(gateway() + "/api/personnel");
        ensure(created, "newcomer", 201, 200);
        newcomerId = created.path("id").toString();
    }

    /** The username personnel-service gave the person's account. */
    String accountOf(String personId) {
        Response account = as("admin").get(gateway() + "/api/personnel/" + personId + "/account");
        ensure(account, "account", 200);
        return account.path("username");
    }

    void programmeAndClass() {
        ensure(as("admin").body(Map.of("code", "TCT-HG", "name", "Trường Chính trị tỉnh Hậu Giang",
                "kind", "POLITICAL_SCHOOL", "country", "VN")).post(gateway() + "/api/institutions"),
                "institution", 201, 409);
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("code", "E2E-TC-" + suffix);
        program.put("name", "Trung cấp lý luận chính trị – hành chính (kiểm thử " + suffix + ")");
        program.put("category", "POLITICAL_THEORY");
        program.put("level", "INTERMEDIATE");
        program.put("periods", 120);
        program.put("days", 30);
        program.put("deliveryMode", "CONCENTRATED");
        program.put("credential", "DIPLOMA");
        program.put("grantsLevel", Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE"));
        program.put("yearlyMinimumPeriods", 40);
        program.put("maxExitExamRetakes", 1); // one retake of the exit exam
        Response created = as("admin").body(program).post(gateway() + "/api/programs");
        ensure(created, "programme", 201, 200);
        programId = created.path("id").toString();
        ensure(as("admin").post(gateway() + "/api/programs/" + programId + "/publish"), "publish", 200, 204);

        LocalDate start = ProvinceDay.today().plusDays(1);
        Map<String, Object> cls = new LinkedHashMap<>();
        cls.put("code", classCode);
        cls.put("programId", programId);
        cls.put("institutionCode", "TCT-HG");
        cls.put("organisingUnitCode", "HG");
        cls.put("location", "DOMESTIC");
        cls.put("venue", "Trường Chính trị tỉnh Hậu Giang, Vị Thanh");
        cls.put("startDate", start.toString());
        cls.put("endDate", start.plusDays(10).toString());
        cls.put("capacity", 30);
        cls.put("minCapacity", 1);
        cls.put("registrationOpensOn", ProvinceDay.today().minusDays(1).toString());
        cls.put("registrationClosesOn", ProvinceDay.today().plusDays(1).toString());
        cls.put("costPerLearnerVnd", 1_500_000);
        cls.put("fundingSource", "STATE_BUDGET");
        cls.put("sessions", List.of(Map.of("date", start.toString(), "startTime", "07:30", "endTime", "11:00",
                "topic", "Chủ nghĩa Mác - Lênin", "lecturer", "ThS. Lê Văn Tám")));
        classBody = cls;
        Response createdClass = as("admin").body(cls).post(gateway() + "/api/classes");
        ensure(createdClass, "class", 201, 200);
        classId = createdClass.path("id").toString();
        ensure(as("admin").post(gateway() + "/api/classes/" + classId + "/open"), "open class", 200, 204);
    }

    /** A second class of the programme, open for registration from yesterday to tomorrow, for the staff's request. */
    void requestClass() {
        Map<String, Object> cls = new LinkedHashMap<>(classBody);
        LocalDate start = ProvinceDay.today().plusDays(20);
        cls.put("code", requestClassCode);
        cls.put("startDate", start.toString());
        cls.put("endDate", start.plusDays(10).toString());
        cls.put("sessions", List.of(Map.of("date", start.toString(), "startTime", "07:30", "endTime", "11:00",
                "topic", "Khai giảng", "lecturer", "ThS. Lê Văn Tám")));
        Response created = as("admin").body(cls).post(gateway() + "/api/classes");
        ensure(created, "request class", 201, 200);
        requestClassId = created.path("id").toString();
        ensure(as("admin").post(gateway() + "/api/classes/" + requestClassId + "/open"), "open request class", 200, 204);
        // enrolment-service takes requests once its copy of the class is open
        Poll.until(Duration.ofSeconds(60), () -> as("admin").get(gateway() + "/api/class-copy/" + requestClassId),
                r -> r.statusCode() == 200 && "OPEN".equals(r.jsonPath().getString("status")));
    }

    /** The class has started (attendance and results are recorded for a running or finished class). */
    /**
     * The class was to start tomorrow (so that it could take nominations today); it begins today instead: rescheduled
     * first (an audited change: a class cannot start before its start date), then started.
     */
    void startClass() {
        LocalDate today = ProvinceDay.today();
        Map<String, Object> moved = new LinkedHashMap<>(classBody);
        moved.put("startDate", today.toString());
        moved.put("endDate", today.plusDays(10).toString());
        moved.put("sessions", List.of(Map.of("date", today.toString(), "startTime", "07:30", "endTime", "11:00",
                "topic", "Chủ nghĩa Mác - Lênin", "lecturer", "ThS. Lê Văn Tám")));
        ensure(as("admin").body(moved).put(gateway() + "/api/classes/" + classId), "reschedule class", 200);
        ensure(as("admin").post(gateway() + "/api/classes/" + classId + "/start"), "start class", 200);
        // enrolment-service takes results once its copy of the class has started
        Poll.until(Duration.ofSeconds(60), () -> as("admin").get(gateway() + "/api/class-copy/" + classId)
                .then().extract().<String>path("status"), "IN_PROGRESS"::equals);
    }
}
