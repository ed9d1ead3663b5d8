package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.testing.EventContract;

/**
 * Feeds enrolment-service's local copies the way production does: CloudEvents on the {@code org-unit},
 * {@code personnel} and {@code course} topics, then waits until the service has applied them.
 */
final class Copies {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The id of the first session of every class {@link #cls} makes (course-service gives sessions UUIDs). */
    static final String FIRST_SESSION = "5e551000-0000-4000-8000-000000000001";
    private static volatile boolean unitsReady;

    private Copies() {
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The unit tree the demo users' scopes refer to: HG > HG.VT > HG.VT.P1, HG > HG.CT. */
    static synchronized void units() {
        if (unitsReady) {
            return;
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(unit("HG", null, "Tỉnh Hậu Giang", "PROVINCE"));
        records.add(unit("HG.VT", "HG", "Thành phố Vị Thanh", "DISTRICT"));
        records.add(unit("HG.VT.P1", "HG.VT", "Phường I", "COMMUNE"));
        records.add(unit("HG.CT", "HG", "Thành phố Cần Thơ", "DISTRICT"));
        produce(records);
        for (String code : List.of("HG", "HG.VT", "HG.VT.P1", "HG.CT")) {
            Poll.until(Duration.ofSeconds(60), () -> given().header("Authorization", Tokens.bearer("admin"))
                    .get("/api/org-unit-copy/" + code).statusCode(), s -> s == 200);
        }
        unitsReady = true;
    }

    private static ProducerRecord<String, String> unit(String code, String parent, String name, String kind) {
        Map<String, Object> data = new HashMap<>();
        data.put("code", code);
        data.put("parentCode", parent);
        data.put("name", name);
        data.put("kind", kind);
        data.put("validFrom", "2004-01-01");
        data.put("effectiveOn", "2004-01-01");
        return event("org-unit", code, "org-unit", "created", data);
    }

    /** A civil servant in HG.VT.P1, active, 10 years of service, rated good the last years; override as needed. */
    static Map<String, Object> person(UUID id) {
        Map<String, Object> p = new HashMap<>();
        p.put("personnelId", id.toString());
        p.put("fullName", "Nguyễn Thị Hồng Khang");
        p.put("gender", "FEMALE");
        p.put("dateOfBirth", "1990-05-17");
        p.put("category", "CIVIL_SERVANT");
        p.put("orgUnitCode", "HG.VT.P1");
        p.put("jobPositionCode", "VP-TONG-HOP");
        p.put("titleCode", null);
        p.put("rankCode", "SPECIALIST");
        p.put("startedServiceOn", "2015-03-01");
        p.put("status", "ACTIVE");
        p.put("effectiveOn", "2015-03-01");
        p.put("qualifications", List.of(Map.of("qualificationId", UUID.randomUUID().toString(), "kind", "EDUCATION",
                "level", "BACHELOR", "awardedOn", "2012-06-30", "source", "MANUAL")));
        int year = ProvinceTime.today().getYear();
        p.put("ratings", List.of(Map.of("year", year, "rating", "GOOD"), Map.of("year", year - 1, "rating", "GOOD"), Map.of("year", year - 2, "rating",
                "EXCELLENT"), Map.of("year", year - 3, "rating", "GOOD")));
        p.put("plannedTitles", List.of());
        return p;
    }

    /** A programme for specialists of job position VP-TONG-HOP, granting STATE_MANAGEMENT SPECIALIST. */
    static Map<String, Object> program(UUID programId) {
        Map<String, Object> targets = new HashMap<>();
        targets.put("categories", List.of("CIVIL_SERVANT", "PUBLIC_EMPLOYEE"));
        targets.put("rankCodes", List.of());
        targets.put("titleCodes", List.of("TRUONG-PHONG"));
        targets.put("jobPositionCodes", List.of("VP-TONG-HOP"));
        targets.put("managementTiers", List.of());
        targets.put("defenceGroups", List.of());
        Map<String, Object> program = new HashMap<>();
        program.put("programId", programId.toString());
        program.put("code", "QLNN-CV-" + suffix());
        program.put("version", 1);
        program.put("name", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên");
        program.put("category", "STATE_MANAGEMENT");
        program.put("level", "SPECIALIST");
        program.put("periods", 240);
        program.put("days", 30);
        program.put("deliveryMode", "PART_TIME");
        program.put("credential", "CERTIFICATE");
        program.put("grantsLevel", Map.of("kind", "STATE_MANAGEMENT", "level", "SPECIALIST"));
        program.put("yearlyMinimumPeriods", 40);
        program.put("targetGroups", targets);
        program.put("prerequisites", List.of(Map.of("kind", "EDUCATION", "level", "BACHELOR")));
        program.put("requiredRankCodes", List.of());
        program.put("postgraduate", false);
        program.put("overseas", false);
        program.put("maxExitExamRetakes", 1);
        program.put("status", "PUBLISHED");
        return program;
    }

    /** An OPEN class of the programme, registration open around today, at TCT-HG (the institution-staff user's). */
    static Map<String, Object> cls(UUID classId, Map<String, Object> program, int capacity) {
        LocalDate today = ProvinceTime.today();
        Map<String, Object> c = new HashMap<>();
        c.put("classId", classId.toString());
        c.put("code", "L-" + suffix());
        c.put("program", program);
        c.put("institutionCode", "TCT-HG");
        c.put("organisingUnitCode", "HG");
        c.put("location", "DOMESTIC");
        c.put("country", "VN");
        c.put("venue", "Trường Chính trị tỉnh");
        c.put("startDate", today.plusDays(30).toString());
        c.put("endDate", today.plusDays(60).toString());
        c.put("capacity", capacity);
        c.put("minCapacity", 1);
        c.put("registrationOpensOn", today.minusDays(10).toString());
        c.put("registrationClosesOn", today.plusDays(10).toString());
        c.put("costPerLearnerVnd", 6_000_000L);
        c.put("funding", List.of(Map.of("source", "STATE_BUDGET", "percent", 100)));
        c.put("status", "OPEN");
        c.put("sessions", List.of(Map.of("sessionId", FIRST_SESSION, "date", today.plusDays(30).toString(),
                "startTime", "07:30", "endTime", "11:00", "topic", "Khai giảng", "lecturer", "TS. Trần Văn A")));
        return c;
    }

    static void sendPeople(String type, List<Map<String, Object>> people) {
        produce(people.stream().map(p -> event("personnel", (String) p.get("personnelId"), "personnel", type, p))
                .toList());
    }

    /** Sends people and waits until the service's copy has each of them (with the given status). */
    static void people(List<Map<String, Object>> people) {
        sendPeople("registered", people);
        for (Map<String, Object> p : people) {
            awaitPerson((String) p.get("personnelId"), (String) p.get("status"));
        }
    }

    static void person(Map<String, Object> p) {
        people(List.of(p));
    }

    static void awaitPerson(String id, String status) {
        awaitPerson(id, status, Duration.ofSeconds(60));
    }

    /** With a longer deadline: after an outage or a re-drive the consumer may first work through a backlog. */
    static void awaitPerson(String id, String status, Duration timeout) {
        Poll.until(timeout, () -> given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/person-copy/" + id).then().extract().response(),
                r -> r.statusCode() == 200 && status.equals(r.jsonPath().getString("status")));
    }

    /** Sends a class event and waits until the copy shows the class in that status. */
    static void classEvent(String type, Map<String, Object> cls) {
        String id = (String) cls.get("classId");
        produce(List.of(event("course", id, "class", type, cls)));
        Poll.until(Duration.ofSeconds(60), () -> given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/class-copy/" + id).then().extract().response(),
                r -> r.statusCode() == 200 && cls.get("status").equals(r.jsonPath().getString("status")));
    }

    /** Sends a programme event and waits until the programme copy has it (the history import names programmes). */
    static void programEvent(String type, Map<String, Object> program) {
        String id = (String) program.get("programId");
        produce(List.of(event("course", id, "program", type, program)));
        Poll.until(Duration.ofSeconds(60), () -> given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/program-copy/" + id).then().extract().response(),
                r -> r.statusCode() == 200 && program.get("code").equals(r.jsonPath().getString("code")));
    }

    /**
     * The class begins, as course-service publishes it: IN_PROGRESS from {@code start} to {@code end}. Exams and
     * results are refused before that; nominate and approve first, then start the class.
     */
    static void started(Map<String, Object> cls, LocalDate start, LocalDate end) {
        cls.put("startDate", start.toString());
        cls.put("endDate", end.toString());
        cls.put("status", "IN_PROGRESS");
        classEvent("started", cls);
    }

    /** The class began ten days ago and ends in twenty days. */
    static void started(Map<String, Object> cls) {
        LocalDate today = ProvinceTime.today();
        started(cls, today.minusDays(10), today.plusDays(20));
    }

    private static void produce(List<ProducerRecord<String, String>> records) {
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
    }

    /** A person's registration as a record of {@code topic} (e.g. a dead-letter topic), with a new event id. */
    static ProducerRecord<String, String> registered(String topic, Map<String, Object> person) {
        return event(topic, (String) person.get("personnelId"), "personnel", "registered", person);
    }

    static void send(ProducerRecord<String, String> record) {
        produce(List.of(record));
    }

    private static ProducerRecord<String, String> event(String topic, String key, String aggregate, String type,
                                                        Map<String, Object> data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, write(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/training/test");
        header(record, "ce_type", "vn.gov.training." + aggregate + "." + type + ".v1");
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        EventContract.published().assertValid(record);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
