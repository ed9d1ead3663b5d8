package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.Poll;

/**
 * The published figures of a unit entered through the gateway, with the noise of real work, checked exactly against
 * what was entered. Unit U has communes A and B, merged into M on 1 July 2025 (their people move to M); t moves from
 * A to B on 1 April 2025. In 2025 five turns happened: a1 completed the March political-theory class (in A) and the
 * September state-management class (in M); b1 failed its exit exam in September and a2 withdrew after the September
 * start (both in M); t completed a May defence class (in B, after the transfer). What is not a turn: a2 rejected for
 * March, b1 withdrawn before the March start, t stopped at the March entry exam, a2 nominated to a cancelled class.
 */
class PublishedFiguresSystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String YEAR = "&from=2025-01-01&to=2025-12-31";

    @Test
    void everyFigureOfAUnitIsExactlyWhatWasEntered() {
        String suffix = SystemData.suffix();
        String u = unit("SYS" + suffix, "DISTRICT", "Huyện kiểm thử số liệu", "HG", "2024-01-01");
        String a = unit(u + ".A", "COMMUNE", "Xã A", u, "2024-01-01");
        String b = unit(u + ".B", "COMMUNE", "Xã B", u, "2024-01-01");
        String m = unit(u + ".M", "COMMUNE", "Xã M", u, "2025-07-01");
        String a1 = person(a, "Nguyễn Văn An");
        String a2 = person(a, "Trần Thị Bình");
        String b1 = person(b, "Lê Văn Cường");
        String t = person(a, "Phạm Thị Dung");
        SystemData.as("admin").body(Map.of("orgUnitCode", b, "effectiveOn", "2025-04-01"))
                .post(SystemData.gateway() + "/api/personnel/" + t + "/transfer").then().statusCode(200);
        SystemData.as("admin").body(Map.of("sourceCodes", List.of(a, b), "targetCode", m, "effectiveOn", "2025-07-01"))
                .post(SystemData.gateway() + "/api/org-units/merge").then().statusCode(200);

        SystemData.ensureInstitution();
        String k1 = startedClass(u, suffix, "K1", "POLITICAL_THEORY", "INTERMEDIATE", "2025-03-03", "2025-03-28",
                2_000_000);
        String k2 = startedClass(u, suffix, "K2", "STATE_MANAGEMENT", "SPECIALIST", "2025-09-08", "2025-09-26",
                3_000_000);
        String k3 = openClass(u, suffix, "K3", "DIGITAL_SKILLS", "BASIC", "2025-10-06", "2025-10-10", 1_000_000);
        String k4 = startedClass(u, suffix, "K4", "DEFENCE_SECURITY", "GROUP_3", "2025-05-05", "2025-05-16",
                1_500_000);
        for (String person : List.of(a1, a2, b1, t)) {
            Poll.until(DEADLINE, () -> SystemData.as("admin").get(SystemData.gateway() + "/api/person-copy/" + person)
                    .statusCode(), status -> status == 200);
        }
        // enrolment-service learns the classes, started or open, from events
        Map<String, String> states = Map.of(k1, "IN_PROGRESS", k2, "IN_PROGRESS", k3, "OPEN", k4, "IN_PROGRESS");
        states.forEach((cls, state) -> Poll.until(DEADLINE, () -> SystemData.as("admin")
                .get(SystemData.gateway() + "/api/class-copy/" + cls).then().extract().<String>path("status"),
                state::equals));

        // March: a1 completes, a2 rejected, b1 withdrawn before the start, t stopped at the entry exam
        String e = approved(a1, k1);
        exam(e, "ENTRY", true, "2025-03-03");
        complete(e, "2025-03-28");
        post("/api/enrolments/" + nominate(a2, k1) + "/reject", Map.of("reason", "Chưa đủ điều kiện"));
        post("/api/enrolments/" + approved(b1, k1) + "/withdraw", Map.of("reason", "Bận công tác",
                "date", "2025-02-20"));
        exam(approved(t, k1), "ENTRY", false, "2025-03-03");
        // May: t completes the defence class, in B since April
        complete(approved(t, k4), "2025-05-16");
        // September, after the merge: a1 completes, b1 fails the exit exam, a2 withdraws after the start
        complete(approved(a1, k2), "2025-09-26");
        e = approved(b1, k2);
        exam(e, "ENTRY", true, "2025-09-08");
        exam(e, "EXIT", false, "2025-09-26");
        post("/api/enrolments/" + approved(a2, k2) + "/withdraw", Map.of("reason", "Ốm dài ngày",
                "date", "2025-09-15"));
        // October: a2 nominated to a class that is then cancelled
        approved(a2, k3);
        post("/api/classes/" + k3 + "/cancel", Map.of("reason", "Không đủ học viên"));

        JsonPath summary = Poll.until(DEADLINE, () -> report("training-summary", "unit=" + u + YEAR),
                s -> s.getLong("total.turns") == 5 && s.getLong("total.people") == 4);
        // the personnel topic is read alongside: once everyone is in M at the end of 2025, the merge and t's April
        // transfer (earlier events of the same people) are projected, and every turn is where it belongs
        Poll.until(DEADLINE, () -> report("yearly-minimum", "unit=" + m + "&year=2025&predecessors=false"),
                s -> s.getLong("total.active") == 4);
        assertEquals(List.of(3L, 5L, 4L, 3L, 1L, 1L, 12_500_000L), List.of(summary.getLong("total.classes"),
                summary.getLong("total.turns"), summary.getLong("total.people"), summary.getLong("total.completed"),
                summary.getLong("total.failed"), summary.getLong("total.withdrawn"), summary.getLong("total.costVnd")));
        assertEquals(5, report("training-summary/details", "unit=" + u + YEAR).getInt("total"));
        assertEquals(List.of(1L, 1L), turnsAndPeople("unit=" + a + "&from=2025-01-01&to=2025-06-30"));
        assertEquals(List.of(1L, 1L), turnsAndPeople("unit=" + b + "&from=2025-01-01&to=2025-06-30"));
        assertEquals(List.of(0L, 0L), turnsAndPeople("unit=" + a + "&from=2025-07-01&to=2025-12-31"));
        assertEquals(List.of(3L, 3L), turnsAndPeople("unit=" + m + "&from=2025-07-01&to=2025-12-31"));
        assertEquals(List.of(5L, 4L), turnsAndPeople("unit=" + m + YEAR));
        assertEquals(List.of(3L, 3L), turnsAndPeople("unit=" + m + YEAR + "&predecessors=false"));
        assertEquals(3, report("training-summary/details", "unit=" + m + YEAR + "&predecessors=false").getInt("total"));

        JsonPath plan = report("plan-vs-actual", "unit=" + u + "&year=2025");
        assertEquals(List.of(3L, 5L), List.of(plan.getLong("total.actualClasses"), plan.getLong("total.actualTurns")));

        JsonPath annual = report("annual", "unit=" + u + "&year=2025");
        assertEquals(5, annual.getInt("total.total"));
        assertEquals(5, report("annual/details", "unit=" + u + "&year=2025").getInt("total"));

        // yearly minimum: everyone is in M at the end of 2025; a1 (80 periods) and t (40) met it
        JsonPath minimum = report("yearly-minimum", "unit=" + u + "&year=2025");
        assertEquals(List.of(4L, 2L), List.of(minimum.getLong("total.active"), minimum.getLong("total.met")));
        assertEquals(2, report("yearly-minimum/details", "unit=" + u + "&year=2025&met=true").getInt("total"));
    }

    private static JsonPath report(String report, String query) {
        return SystemData.as("province-manager").get(SystemData.gateway() + "/api/reports/" + report + "?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> turnsAndPeople(String query) {
        JsonPath json = report("training-summary", query);
        return List.of(json.getLong("total.turns"), json.getLong("total.people"));
    }

    private static String unit(String code, String kind, String name, String parent, String validFrom) {
        SystemData.as("admin").body(Map.of("code", code, "name", name + " " + code, "kind", kind, "parentCode",
                parent, "validFrom", validFrom)).post(SystemData.gateway() + "/api/org-units").then().statusCode(201);
        Poll.until(DEADLINE, () -> SystemData.unitCopiedEverywhere(code), copied -> copied);
        return code;
    }

    private static String person(String unit, String name) {
        return SystemData.newPerson(unit, name).path("id");
    }

    private static String openClass(String unit, String suffix, String code, String category, String level,
                                    String start, String end, long cost) {
        String programme = SystemData.publishedProgramme("SYS-" + code + "-" + suffix,
                "Chương trình kiểm thử " + code + " " + suffix, category, level, null);
        return SystemData.openClass("SYS-" + code + "-" + suffix, programme, unit, LocalDate.parse(start),
                LocalDate.parse(end), LocalDate.parse("2025-01-02"), LocalDate.parse(start), cost, List.of());
    }

    private static String startedClass(String unit, String suffix, String code, String category, String level,
                                       String start, String end, long cost) {
        String id = openClass(unit, suffix, code, category, level, start, end, cost);
        post("/api/classes/" + id + "/start", Map.of());
        return id;
    }

    /** A historical nomination (the class is in the past), made by the province's administrator. */
    private static String nominate(String person, String cls) {
        return SystemData.as("admin").body(Map.of("personnelId", person, "classId", cls, "historical", true,
                        "decisionNumber", "01/QĐ-KT")).post(SystemData.gateway() + "/api/enrolments")
                .then().statusCode(201).extract().path("id");
    }

    private static String approved(String person, String cls) {
        String id = nominate(person, cls);
        post("/api/enrolments/" + id + "/approve", Map.of());
        return id;
    }

    private static void exam(String enrolment, String kind, boolean passed, String on) {
        post("/api/enrolments/" + enrolment + "/exams", Map.of("kind", kind, "score", passed ? 8 : 3, "passed", passed,
                "takenOn", on));
    }

    private static void complete(String enrolment, String on) {
        post("/api/enrolments/" + enrolment + "/complete", Map.of("grade", "GOOD", "periodsAttended", 40,
                "completedOn", on, "credentialIssuedOn", on));
    }

    private static void post(String path, Map<String, Object> body) {
        SystemData.as("admin").body(body).post(SystemData.gateway() + path).then().statusCode(200);
    }
}
