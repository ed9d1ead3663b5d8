package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.Poll;

/**
 * Scale out (issue 14): a second reporting-service on the same stack ({@code deploy/stack scale reporting-service 2}:
 * same database, same consumer groups, its own ports) shares the topics' partitions with the first, and the read model
 * the two make is exactly the one the sources describe, also across a rebalance in the middle of the stream: the second
 * instance is stopped while changes are written and started again while more are written.
 * <p>
 * Unit U has communes A and B. Classes K1 (March 2025, 2,000,000 VND a learner) and K2 (September 2025, 3,000,000).
 * p0..p7 are registered in A; p0, p1 move to B on 1 April, p2, p3 on 1 October; p8..p11 are registered in B.
 * K1: p0..p3 complete, p4 fails the exit exam, p5 withdraws after the start, p6 is rejected.
 * K2: p8..p10 and p0 complete, p1 fails the exit exam, p4 withdraws after the start, p11 withdraws before it.
 * So 12 turns of 9 people in 2 classes: 8 completed, 2 failed, 2 withdrawn, 30,000,000 VND; A holds the 7 turns of
 * K1 and p4's of K2, B the other 5; at the end of 2025 A has 4 people, B 8; 7 met the yearly minimum (40 periods).
 */
class ScaleOutSystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String SERVICE = "reporting-service";
    private static final String YEAR = "&from=2025-01-01&to=2025-12-31";
    private static final List<String> EVENT_TOPICS = List.of("org-unit", "personnel", "course", "enrolment");
    /** reporting-service's consumer groups and the topics each reads. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "reporting-service.projection", EVENT_TOPICS,
            "reporting-service.feed", EVENT_TOPICS);

    /** Given names of p0..p11 (a full name has no digits). */
    private static final List<String> NAMES = List.of("An", "Bình", "Chi", "Dung", "Giang", "Hà", "Khánh", "Lan",
            "Minh", "Nam", "Phúc", "Quang");

    @AfterAll
    static void backToOneInstance() {
        SystemStack.run("scale", SERVICE, "1");
    }

    @Test
    void twoInstancesShareThePartitionsAndMakeExactlyTheReadModelOfTheSources() throws Exception {
        SystemStack.env();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SystemStack.url("KAFKA_BOOTSTRAP")))) {
            Map<String, TopicDescription> topics = admin.describeTopics(EVENT_TOPICS).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            topics.forEach((name, topic) -> assertTrue(topic.partitions().size() >= 2,
                    () -> name + " has " + topic.partitions().size() + " partition(s): two consumers cannot share it"));
            Map<String, Long> deadLetters = deadLetters();

            // an instance left over by an interrupted run may run an older build: start from one, the current one
            SystemStack.run("scale", SERVICE, "1");
            // the second instance starts while the units, classes and people are made (its start takes the longest)
            long t0 = System.nanoTime();
            CompletableFuture<String> scaling = CompletableFuture.supplyAsync(() -> SystemStack.run("scale", SERVICE,
                    "2"));
            String suffix = SystemData.suffix();
            String u = unit("SYS" + suffix, "DISTRICT", "Huyện kiểm thử mở rộng", "HG");
            String a = unit(u + ".A", "COMMUNE", "Xã A", u);
            String b = unit(u + ".B", "COMMUNE", "Xã B", u);
            SystemData.ensureInstitution();
            String k1 = startedClass(u, suffix, "K1", "POLITICAL_THEORY", "INTERMEDIATE", "2025-03-03", "2025-03-28",
                    2_000_000);
            String k2 = startedClass(u, suffix, "K2", "STATE_MANAGEMENT", "SPECIALIST", "2025-09-08", "2025-09-26",
                    3_000_000);

            List<String> p = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                p.add(person(a, "Nguyễn Thị " + NAMES.get(i)));
            }
            scaling.get(3, TimeUnit.MINUTES);
            Poll.until(DEADLINE, () -> sharedByTwo(admin, topics), shared -> shared);
            stage("second instance up, partitions shared", t0);

            // both instances consume: two people moved to B, the March class
            transfer(p.get(0), b, "2025-04-01");
            transfer(p.get(1), b, "2025-04-01");
            awaitCopies(p, Map.of(k1, "IN_PROGRESS", k2, "IN_PROGRESS"));
            for (int i = 0; i < 4; i++) {
                complete(approved(p.get(i), k1), "2025-03-28");
            }
            failExit(approved(p.get(4), k1), "2025-03-03", "2025-03-28");
            withdraw(approved(p.get(5), k1), "2025-03-15");
            post("/api/enrolments/" + nominate(p.get(6), k1) + "/reject", Map.of("reason", "Chưa đủ điều kiện"));

            // the second instance stops while people of B are registered and changed: its partitions move to the first
            CompletableFuture<String> stopping = CompletableFuture.supplyAsync(() -> SystemStack.run("scale", SERVICE,
                    "1"));
            for (int i = 8; i < 12; i++) {
                p.add(person(b, "Trần Văn " + NAMES.get(i)));
            }
            SystemData.as("admin").body(Map.of("fullName", "Nguyễn Thị " + NAMES.get(2) + " Hương"))
                    .patch(SystemData.gateway() + "/api/personnel/" + p.get(2)).then().statusCode(200);
            awaitCopies(p.subList(8, 12), Map.of());
            stopping.get(2, TimeUnit.MINUTES);
            stage("second instance stopped under writes", t0);

            // it starts again while the September class runs its course: the partitions are shared out once more
            CompletableFuture<String> starting = CompletableFuture.supplyAsync(() -> SystemStack.run("scale", SERVICE,
                    "2"));
            for (int i : List.of(8, 9, 10, 0)) {
                complete(approved(p.get(i), k2), "2025-09-26");
            }
            failExit(approved(p.get(1), k2), "2025-09-08", "2025-09-26");
            withdraw(approved(p.get(4), k2), "2025-09-15");
            withdraw(approved(p.get(11), k2), "2025-09-01");
            transfer(p.get(2), b, "2025-10-01");
            transfer(p.get(3), b, "2025-10-01");
            starting.get(3, TimeUnit.MINUTES);
            Poll.until(DEADLINE, () -> sharedByTwo(admin, topics), shared -> shared);
            stage("second instance restarted under writes, partitions shared again", t0);

            // the read model of the two instances is exactly what was entered ...
            JsonPath summary = Poll.until(DEADLINE, () -> report("training-summary", "unit=" + u + YEAR),
                    s -> s.getLong("total.turns") == 12 && s.getLong("total.people") == 9);
            Poll.until(DEADLINE, () -> report("yearly-minimum", "unit=" + b + "&year=2025&predecessors=false"),
                    s -> s.getLong("total.active") == 8);
            stage("read model agrees", t0);
            assertEquals(List.of(2L, 12L, 9L, 8L, 2L, 2L, 30_000_000L), List.of(summary.getLong("total.classes"),
                    summary.getLong("total.turns"), summary.getLong("total.people"),
                    summary.getLong("total.completed"), summary.getLong("total.failed"),
                    summary.getLong("total.withdrawn"), summary.getLong("total.costVnd")));
            assertEquals(12, report("training-summary/details", "unit=" + u + YEAR).getInt("total"));
            assertEquals(List.of(7L, 6L), turnsAndPeople(a));
            assertEquals(List.of(5L, 5L), turnsAndPeople(b));
            JsonPath minimum = report("yearly-minimum", "unit=" + u + "&year=2025");
            assertEquals(List.of(12L, 7L), List.of(minimum.getLong("total.active"), minimum.getLong("total.met")));

            // ... and what the sources say: personnel's staff of A and B, enrolment's completed and failed turns
            assertEquals(List.of(4L, 8L), List.of(staff(a), staff(b)));
            assertEquals(4L, report("yearly-minimum", "unit=" + a + "&year=2025&predecessors=false")
                    .getLong("total.active"));
            assertEquals(summary.getLong("total.completed"), enrolments(k1, "COMPLETED") + enrolments(k2, "COMPLETED"));
            assertEquals(summary.getLong("total.failed"), enrolments(k1, "FAILED") + enrolments(k2, "FAILED"));
            // no event went to a dead-letter topic on the way (the inbox's key (consumer, event id) keeps a redelivered
            // event from being applied twice; a double would show in the figures above)
            assertEquals(deadLetters, deadLetters());
        }
    }

    private static void stage(String what, long t0) {
        System.out.printf("ScaleOutSystemIT: %s at %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Whether every group of reporting-service is stable and each topic it reads is split between exactly two members
     * (one consumer of each instance) that hold all its partitions.
     */
    private static boolean sharedByTwo(Admin admin, Map<String, TopicDescription> topics) throws Exception {
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS.keySet()).all()
                .get(10, TimeUnit.SECONDS);
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            ConsumerGroupDescription description = groups.get(group.getKey());
            if (description.groupState() != GroupState.STABLE) {
                return false;
            }
            for (String topic : group.getValue()) {
                Set<Integer> held = new HashSet<>();
                int holders = 0;
                for (MemberDescription member : description.members()) {
                    List<Integer> partitions = member.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition).toList();
                    if (!partitions.isEmpty()) {
                        holders++;
                        held.addAll(partitions);
                    }
                }
                if (holders != 2 || held.size() != topics.get(topic).partitions().size()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Records per dead-letter topic, as reporting-service counts them. */
    private static Map<String, Long> deadLetters() {
        JsonPath json = SystemData.as("admin").get(SystemStack.url("REPORTING_URL") + "/api/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Long> records = new java.util.TreeMap<>();
        List<Map<String, Object>> rows = json.getList("$");
        for (Map<String, Object> row : rows) {
            records.put(String.valueOf(row.get("topic")), ((Number) row.get("records")).longValue());
        }
        return records;
    }

    private static JsonPath report(String report, String query) {
        return SystemData.as("province-manager").get(SystemData.gateway() + "/api/reports/" + report + "?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> turnsAndPeople(String unit) {
        JsonPath json = report("training-summary", "unit=" + unit + YEAR + "&predecessors=false");
        return List.of(json.getLong("total.turns"), json.getLong("total.people"));
    }

    private static long staff(String unit) {
        return SystemData.as("admin").queryParam("unit", unit).get(SystemData.gateway() + "/api/personnel").then()
                .statusCode(200).extract().jsonPath().getLong("total");
    }

    private static long enrolments(String cls, String status) {
        return SystemData.as("admin").queryParam("classId", cls).queryParam("status", status)
                .get(SystemData.gateway() + "/api/enrolments").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    private static String unit(String code, String kind, String name, String parent) {
        SystemData.as("admin").body(Map.of("code", code, "name", name + " " + code, "kind", kind, "parentCode",
                parent, "validFrom", "2024-01-01")).post(SystemData.gateway() + "/api/org-units").then()
                .statusCode(201);
        Poll.until(DEADLINE, () -> SystemData.unitCopiedEverywhere(code), copied -> copied);
        return code;
    }

    private static String person(String unit, String name) {
        return SystemData.newPerson(unit, name).path("id");
    }

    private static void transfer(String person, String unit, String on) {
        post("/api/personnel/" + person + "/transfer", Map.of("orgUnitCode", unit, "effectiveOn", on));
    }

    /** enrolment-service learns people and classes from events: they must be there before a nomination. */
    private static void awaitCopies(List<String> people, Map<String, String> classes) {
        for (String person : people) {
            Poll.until(DEADLINE, () -> SystemData.as("admin").get(SystemData.gateway() + "/api/person-copy/" + person)
                    .statusCode(), status -> status == 200);
        }
        classes.forEach((cls, state) -> Poll.until(DEADLINE, () -> SystemData.as("admin")
                .get(SystemData.gateway() + "/api/class-copy/" + cls).then().extract().<String>path("status"),
                state::equals));
    }

    private static String startedClass(String unit, String suffix, String code, String category, String level,
                                       String start, String end, long cost) {
        String programme = SystemData.publishedProgramme("SYS-S" + code + "-" + suffix,
                "Chương trình kiểm thử mở rộng " + code + " " + suffix, category, level, null);
        String id = SystemData.openClass("SYS-S" + code + "-" + suffix, programme, unit, LocalDate.parse(start),
                LocalDate.parse(end), LocalDate.parse("2025-01-02"), LocalDate.parse(start), cost, List.of());
        post("/api/classes/" + id + "/start", Map.of());
        return id;
    }

    /** A historical nomination (the class is in the past), made by the province's administrator. */
    private static String nominate(String person, String cls) {
        return SystemData.as("admin").body(Map.of("personnelId", person, "classId", cls, "historical", true,
                        "decisionNumber", "02/QĐ-MR")).post(SystemData.gateway() + "/api/enrolments")
                .then().statusCode(201).extract().path("id");
    }

    private static String approved(String person, String cls) {
        String id = nominate(person, cls);
        post("/api/enrolments/" + id + "/approve", Map.of());
        return id;
    }

    private static void failExit(String enrolment, String start, String end) {
        exam(enrolment, "ENTRY", true, start);
        exam(enrolment, "EXIT", false, end);
    }

    private static void exam(String enrolment, String kind, boolean passed, String on) {
        post("/api/enrolments/" + enrolment + "/exams", Map.of("kind", kind, "score", passed ? 8 : 3, "passed", passed,
                "takenOn", on));
    }

    private static void withdraw(String enrolment, String on) {
        post("/api/enrolments/" + enrolment + "/withdraw", Map.of("reason", "Bận công tác", "date", on));
    }

    private static void complete(String enrolment, String on) {
        post("/api/enrolments/" + enrolment + "/complete", Map.of("grade", "GOOD", "periodsAttended", 40,
                "completedOn", on, "credentialIssuedOn", on));
    }

    private static void post(String path, Map<String, Object> body) {
        SystemData.as("admin").body(body).post(SystemData.gateway() + path).then().statusCode(200);
    }
}
