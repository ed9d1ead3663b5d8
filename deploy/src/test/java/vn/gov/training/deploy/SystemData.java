package vn.gov.training.deploy;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.gov.training.platform.testing.Poll;

/** Fresh data of one system test, made through the gateway's public API as a demo user (usually admin). */
final class SystemData {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The institution that runs the system tests' classes. */
    static final String INSTITUTION = "SYS-TCT";

    /** The services that keep a copy of the unit tree. */
    private static final List<String> UNIT_COPY_HOLDERS = List.of("COURSE_URL", "ENROLMENT_URL", "REPORTING_URL");

    private SystemData() {
    }

    static String gateway() {
        return SystemStack.url("GATEWAY_URL");
    }

    /** A request through the gateway with a real token of the demo user. */
    static RequestSpecification as(String username) {
        return given().header("Authorization", "Bearer " + SystemTokens.user(username)).contentType(ContentType.JSON)
                .header("Accept-Language", "vi");
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A new unit under the province, valid from today; returns its code. */
    static String newUnit(String name) {
        String code = "SYS" + suffix();
        as("admin").body(Map.of("code", code, "name", name + " " + code, "kind", "OTHER", "parentCode", "HG"))
                .post(gateway() + "/api/org-units").then().statusCode(201);
        // the other services learn the unit from events: a test that uses it there must not race them (for instance
        // right after a test that restarted Kafka, while their consumers reconnect)
        Poll.until(Duration.ofSeconds(90), () -> unitCopiedEverywhere(code), copied -> copied);
        return code;
    }

    /** Whether every service that keeps a copy of the unit tree (from personnel-service's events) has the unit. */
    static boolean unitCopiedEverywhere(String code) {
        for (String service : UNIT_COPY_HOLDERS) {
            int status = given().header("Authorization", "Bearer " + SystemTokens.user("admin"))
                    .get(SystemStack.url(service) + "/api/org-unit-copy/" + code).statusCode();
            if (status != 200) {
                return false;
            }
        }
        return true;
    }

    /**
     * Registers a civil servant of {@code unit} with a valid national ID (Hậu Giang 093, woman born in the 1900s
     * = 1, the year of birth, six random digits); returns the new record.
     */
    static Response newPerson(String unit, String fullName) {
        LocalDate born = LocalDate.of(1988, 4, 12);
        for (int attempt = 0; attempt < 5; attempt++) {
            String nationalId = "0931" + "88" + String.format("%06d", RANDOM.nextInt(1_000_000));
            Map<String, Object> person = new HashMap<>();
            person.put("nationalId", nationalId);
            person.put("fullName", fullName);
            person.put("dateOfBirth", born.toString());
            person.put("gender", "FEMALE");
            person.put("ethnicity", "Kinh");
            person.put("category", "CIVIL_SERVANT");
            person.put("orgUnitCode", unit);
            person.put("rankCode", "SPECIALIST");
            person.put("startedServiceOn", "2012-08-01");
            person.put("email", "sys." + suffix().toLowerCase() + "@haugiang.gov.vn");
            Response created = as("admin").body(person).post(gateway() + "/api/personnel");
            if (created.statusCode() != 409) { // 409: that national ID is taken, draw another
                created.then().statusCode(201);
                return created;
            }
        }
        throw new IllegalStateException("no free national ID after 5 draws");
    }

    /** The system tests' institution, created once. */
    static void ensureInstitution() {
        if (as("admin").get(gateway() + "/api/institutions/" + INSTITUTION).statusCode() == 404) {
            int status = as("admin").body(Map.of("code", INSTITUTION, "name",
                            "Trường Chính trị tỉnh (kiểm thử hệ thống)", "kind", "POLITICAL_SCHOOL", "country", "VN"))
                    .post(gateway() + "/api/institutions").statusCode();
            if (status != 201 && status != 409) {
                throw new AssertionError("creating the institution answered " + status);
            }
        }
    }

    /**
     * A published programme of 40 periods open to everyone, with no exit-exam retake; {@code grantsLevel} may be
     * null. Returns its id.
     */
    static String publishedProgramme(String code, String name, String category, String level,
                                     Map<String, String> grantsLevel) {
        Map<String, Object> groups = new HashMap<>();
        for (String key : List.of("categories", "rankCodes", "titleCodes", "jobPositionCodes", "managementTiers",
                "defenceGroups")) {
            groups.put(key, List.of());
        }
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("category", category);
        body.put("level", level);
        body.put("periods", 40);
        body.put("days", 5);
        body.put("deliveryMode", "CONCENTRATED");
        body.put("credential", "CERTIFICATE");
        body.put("grantsLevel", grantsLevel);
        body.put("yearlyMinimumPeriods", 40);
        body.put("targetGroups", groups);
        body.put("prerequisites", List.of());
        body.put("requiredRankCodes", List.of());
        body.put("postgraduate", false);
        body.put("overseas", false);
        body.put("maxExitExamRetakes", 0);
        String id = as("admin").body(body).post(gateway() + "/api/programs").then().statusCode(201).extract()
                .path("id");
        as("admin").body(Map.of()).post(gateway() + "/api/programs/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** A class of the system tests' institution, organised by {@code unit}, funded by the state; opened. */
    static String openClass(String code, String programId, String unit, LocalDate start, LocalDate end,
                            LocalDate registrationOpensOn, LocalDate registrationClosesOn, long costPerLearnerVnd,
                            List<Map<String, String>> sessions) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("programId", programId);
        body.put("institutionCode", INSTITUTION);
        body.put("organisingUnitCode", unit);
        body.put("location", "DOMESTIC");
        body.put("country", "VN");
        body.put("venue", "Hội trường Trường Chính trị tỉnh");
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("registrationOpensOn", registrationOpensOn.toString());
        body.put("registrationClosesOn", registrationClosesOn.toString());
        body.put("capacity", 30);
        body.put("minCapacity", 1);
        body.put("costPerLearnerVnd", costPerLearnerVnd);
        body.put("funding", List.of(Map.of("source", "STATE_BUDGET", "percent", 100)));
        body.put("sessions", sessions);
        String id = as("admin").body(body).post(gateway() + "/api/classes").then().statusCode(201).extract()
                .path("id");
        as("admin").body(Map.of()).post(gateway() + "/api/classes/" + id + "/open").then().statusCode(200);
        return id;
    }
}
