package vn.gov.training.course;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.testing.EventContract;

/** Test data shared by course-service's tests: the unit copy, institutions, programmes and class bodies. */
final class CourseFixtures {

    /** Units the demo users' tokens name, fed to the unit copy as org-unit events (like personnel would). */
    private static final String[][] UNITS = {
            {"HG", null, "Tỉnh Hậu Giang", "PROVINCE"},
            {"HG.VT", "HG", "Thành phố Vị Thanh", "DISTRICT"},
            {"HG.VT.P1", "HG.VT", "Phường I", "COMMUNE"},
            {"HG.CT", "HG", "Huyện Châu Thành", "DISTRICT"},
            {"HG.TCT", "HG", "Trường Chính trị tỉnh Hậu Giang", "SCHOOL"},
            {"HG.SNV", "HG", "Sở Nội vụ", "DEPARTMENT"}};

    private static volatile boolean ready;

    private CourseFixtures() {
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The unit copy holds the demo units and the institutions TCT-HG and CTU exist. */
    static synchronized void ensureBaseData() {
        if (ready) {
            return;
        }
        try (KafkaCompanion kafka = Kafka.companion()) {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (String[] unit : UNITS) {
                records.add(orgUnitEvent(unit[0], unit[1], unit[2], unit[3]));
            }
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
        for (String[] unit : UNITS) {
            Poll.until(Duration.ofSeconds(60), () -> as("admin").get("/api/org-unit-copy/" + unit[0]).statusCode(),
                    status -> status == 200);
        }
        institution("TCT-HG", "Trường Chính trị tỉnh Hậu Giang", "POLITICAL_SCHOOL");
        institution("CTU", "Trường Đại học Cần Thơ", "UNIVERSITY");
        ready = true;
    }

    private static void institution(String code, String name, String kind) {
        if (as("admin").get("/api/institutions/" + code).statusCode() == 404) {
            as("admin").body(Map.of("code", code, "name", name, "kind", kind, "country", "VN"))
                    .post("/api/institutions").then().statusCode(201);
        }
    }

    /** A unit under HG, dissolved (merged) since yesterday, as the unit copy holds it once the event is read. */
    static String dissolvedUnit() {
        String code = "HG.GT" + suffix();
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(orgUnitEvent(code, "HG", "Xã đã sáp nhập", "COMMUNE",
                    ProvinceTime.today().minusDays(1))).awaitCompletion();
        }
        Poll.until(Duration.ofSeconds(60), () -> as("admin").get("/api/org-unit-copy/" + code).statusCode(),
                status -> status == 200);
        return code;
    }

    /** Runs {@code count} requests at once (released together) and returns their responses. */
    static List<Response> concurrently(int count, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ProducerRecord<String, String> orgUnitEvent(String code, String parent, String name, String kind) {
        return orgUnitEvent(code, parent, name, kind, null);
    }

    private static ProducerRecord<String, String> orgUnitEvent(String code, String parent, String name, String kind,
                                                               LocalDate validTo) {
        String parentJson = parent == null ? "null" : "\"" + parent + "\"";
        String validToJson = validTo == null ? "null" : "\"" + validTo + "\"";
        ProducerRecord<String, String> record = new ProducerRecord<>("org-unit", code, """
                {"code":"%s","name":"%s","kind":"%s","parentCode":%s,"validFrom":"2004-01-01","validTo":%s,
                 "effectiveOn":"2004-01-01"}""".formatted(code, name, kind, parentJson, validToJson));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/training/personnel-service");
        header(record, "ce_type", "vn.gov.training.org-unit.created.v1");
        header(record, "content-type", "application/json");
        EventContract.published().assertValid(record);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid programme body: intermediate political theory unless changed. */
    static Map<String, Object> program(String code, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("category", "POLITICAL_THEORY");
        body.put("level", "INTERMEDIATE");
        body.put("periods", 1136);
        body.put("days", 160);
        body.put("deliveryMode", "PART_TIME");
        body.put("credential", "DIPLOMA");
        body.put("grantsLevel", Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE"));
        body.put("yearlyMinimumPeriods", 40);
        body.put("targetGroups", Map.of("categories", List.of("CIVIL_SERVANT", "CADRE"),
                "rankCodes", List.of("SPECIALIST"), "titleCodes", List.of("TRUONG_PHONG")));
        body.put("prerequisites", List.of(Map.of("kind", "EDUCATION", "level", "BACHELOR")));
        body.put("maxExitExamRetakes", 1);
        return body;
    }

    static String createProgram(Map<String, Object> body) {
        return as("admin").body(body).post("/api/programs").then().statusCode(201).extract().path("id");
    }

    static String publishedProgram(String code, String name) {
        String id = createProgram(program(code, name));
        as("admin").post("/api/programs/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** A valid class body of {@code programId} at TCT-HG organised by HG.VT, with two sessions. */
    static Map<String, Object> classBody(String code, String programId, LocalDate start) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("programId", programId);
        body.put("institutionCode", "TCT-HG");
        body.put("organisingUnitCode", "HG.VT");
        body.put("location", "DOMESTIC");
        body.put("venue", "Hội trường A, Trường Chính trị tỉnh Hậu Giang");
        body.put("startDate", start.toString());
        body.put("endDate", start.plusDays(4).toString());
        body.put("capacity", 60);
        body.put("minCapacity", 20);
        body.put("registrationOpensOn", start.minusDays(30).toString());
        body.put("registrationClosesOn", start.minusDays(1).toString());
        body.put("costPerLearnerVnd", 3_500_000);
        body.put("funding", List.of(Map.of("source", "STATE_BUDGET", "percent", 70),
                Map.of("source", "UNIT", "percent", 30)));
        body.put("sessions", List.of(
                Map.of("date", start.toString(), "startTime", "07:30", "endTime", "11:00",
                        "topic", "Khai giảng; chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh", "lecturer", "TS. Trần Văn An"),
                Map.of("date", start.plusDays(1).toString(), "startTime", "13:30", "endTime", "16:30",
                        "topic", "Xây dựng Đảng", "lecturer", "ThS. Lê Thị Bình")));
        return body;
    }

    static String scheduleClass(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/classes").then().statusCode(201).extract().path("id");
    }

    /**
     * The records on topic {@code course} with this key, once at least {@code count} have arrived; each one keeps its
     * contract (docs/asyncapi.yaml).
     */
    static List<ConsumerRecord<String, String>> eventsOf(String key, int count) {
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics("course");
            try {
                List<ConsumerRecord<String, String>> records = Poll.until(Duration.ofSeconds(30),
                        () -> task.getRecords().stream().filter(r -> key.equals(r.key())).toList(),
                        all -> all.size() >= count);
                records.forEach(EventContract.published()::assertValid);
                return records;
            } finally {
                task.stop();
            }
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, "ce_type")).toList();
    }
}
