package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * Issue 19: events an outage once sent to {@code personnel.dlt} (before consumers waited outages out) are re-driven
 * by an admin through the normal idempotent path: the person copy gets them, a second re-drive does not send them again, the
 * re-drive is audited and the topic's pending count is published as a metric.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DeadLetterRedriveTest {

    @Inject
    AuditTrail audit;

    @Test
    void aDeadLetteredRegistrationIsAppliedOnceWhenReDriven() {
        Copies.units();
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        String id = (String) person.get("personnelId");
        ProducerRecord<String, String> lost = Copies.registered("personnel.dlt", person);
        lost.headers().add("dead-letter-topic", "personnel".getBytes(StandardCharsets.UTF_8));
        lost.headers().add("dead-letter-reason", "gave up after 5 attempts: Unable to acquire JDBC Connection"
                .getBytes(StandardCharsets.UTF_8));
        Copies.send(lost);

        JsonPath before = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(before.getLong("find { it.topic == 'personnel.dlt' }.pending") >= 1, before.prettify());
        given().header("Authorization", Tokens.bearer("admin")).get("/api/person-copy/" + id).then().statusCode(404);

        // only admins
        given().header("Authorization", Tokens.bearer("unit-officer")).post("/api/admin/dead-letters/personnel.dlt/redrive")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/dead-letters/unknown.dlt/redrive")
                .then().statusCode(404);

        long redriven = given().header("Authorization", Tokens.bearer("admin"))
                .post("/api/admin/dead-letters/personnel.dlt/redrive").then().statusCode(200).extract().jsonPath()
                .getLong("redriven");
        assertTrue(redriven >= 1);
        Copies.awaitPerson(id, "ACTIVE", java.time.Duration.ofSeconds(300));

        // a second re-drive starts after the first one's cursor: the registration goes back to its topic only once
        // (other records may meanwhile have come back to the dead-letter topic: true poison is dead-lettered again)
        given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/dead-letters/personnel.dlt/redrive")
                .then().statusCode(200);
        assertEquals(1, DatabaseOutageTest.deadLettered("personnel", id).size(), "re-driven once");
        assertEquals(1, DatabaseOutageTest.deadLettered("personnel.dlt", id).size(), "applied, not dead-lettered again");
        JsonPath after = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(after.getLong("find { it.topic == 'personnel.dlt' }.records") >= 1, after.prettify());

        var trail = QuarkusTransaction.requiringNew().call(() -> audit.history("dead-letter-topic", "personnel.dlt"));
        assertTrue(trail.size() >= 2, "each re-drive is audited");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("training_dead_letter_pending"), containsString("topic=\"personnel.dlt\""));
    }
}
