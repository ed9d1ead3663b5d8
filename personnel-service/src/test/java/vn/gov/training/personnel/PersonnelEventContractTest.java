package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.testing.EventContract;

/** The personnel events on the broker follow the checked-in schema and carry the gaps of each active plan. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PersonnelEventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    @Test
    void everyEventFollowsTheSchemaAndCarriesThePlannedTitlesGaps() throws Exception {
        Map<String, Object> person = TestData.person("Đặng Thị Quy Hoạch", "FEMALE", "HG.VT");
        String nationalId = (String) person.get("nationalId");
        String id = TestData.register(person);
        String auth = Tokens.bearer("unit-officer");
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("kind", "EDUCATION", "level", "BACHELOR", "awardedOn", "2008-06-30"))
                .post("/api/personnel/" + id + "/qualifications").then().statusCode(201);
        String planId = given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "DIVISION_HEAD", "orgUnitCode", "HG.VT", "termStart", 2025,
                        "termEnd", 2030, "decisionNumber", "45-QĐ/TU", "decisionDate", "2025-08-01"))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> events = eventsOf(id, 3);
        assertEquals(List.of("vn.gov.training.personnel.registered.v1",
                "vn.gov.training.personnel.qualification-recorded.v1",
                "vn.gov.training.personnel.succession-plan-changed.v1"), events.stream()
                .map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)).toList());
        for (ConsumerRecord<String, String> event : events) {
            EventContract.published().assertValid(event);
            // never the national ID; only its keyed digest, by which enrolment-service's history import finds people
            assertFalse(event.value().contains("\"nationalId\"") || event.value().contains(nationalId),
                    "no national ID in events");
            assertEquals(vn.gov.training.platform.identity.NationalIdDigest.of(nationalId),
                    JSON.readTree(event.value()).path("nationalIdDigest").asText());
        }
        // the schema is not vacuous: a status outside the contract breaks it
        assertFalse(EventContract.published().errorsOf("personnel", "vn.gov.training.personnel.registered.v1",
                        events.get(0).value().replace("\"ACTIVE\"", "\"PAUSED\""))
                .isEmpty());

        JsonNode planned = JSON.readTree(events.get(2).value());
        assertEquals("DIVISION_HEAD", planned.at("/plannedTitles/0/titleCode").asText());
        Set<String> eventGaps = new HashSet<>();
        for (JsonNode gap : planned.get("planGaps")) {
            assertEquals(planId, gap.get("planId").asText());
            assertEquals("DIVISION_HEAD", gap.get("titleCode").asText());
            eventGaps.add(gap.get("kind").asText() + ":" + gap.get("level").asText());
        }
        // the same gaps as the gaps endpoint shows for the planned title; the bachelor held is not one of them
        JsonPath endpoint = given().header("Authorization", auth).get("/api/personnel/" + id + "/gaps")
                .then().statusCode(200).extract().jsonPath();
        Set<String> endpointGaps = new HashSet<>();
        for (Map<String, Object> gap : endpoint.<Map<String, Object>>getList("")) {
            if ("PLANNED_TITLE".equals(gap.get("role"))) {
                endpointGaps.add(gap.get("kind") + ":" + gap.get("requiredLevel"));
            }
        }
        assertEquals(endpointGaps, eventGaps);
        assertTrue(eventGaps.contains("POLITICAL_THEORY:INTERMEDIATE"), eventGaps.toString());
        assertFalse(eventGaps.contains("EDUCATION:BACHELOR"), eventGaps.toString());
        assertEquals(0, JSON.readTree(events.get(0).value()).get("planGaps").size(), "no plan yet, no gaps");
    }

    static List<ConsumerRecord<String, String>> eventsOf(String key, int count) {
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics("personnel");
            try {
                return Poll.until(Duration.ofSeconds(60),
                        () -> task.getRecords().stream().filter(r -> key.equals(r.key())).toList(),
                        records -> records.size() >= count);
            } finally {
                task.stop();
            }
        }
    }
}
