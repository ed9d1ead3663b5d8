package vn.gov.training.course;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/** The unit copy kept from org-unit events: applied once per event id, poison messages dead-lettered. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OrgUnitCopyTest {

    private static ProducerRecord<String, String> orgUnitEvent(String eventId, String type, String code, String name) {
        // one partition for all, so that the consumer provably reads them in the order they are sent
        ProducerRecord<String, String> record = new ProducerRecord<>("org-unit", 0, code, """
                {"code":"%s","name":"%s","kind":"COMMUNE","parentCode":"HG","validFrom":"2020-01-01",
                 "effectiveOn":"2020-01-01","futureField":{"ignored":true}}""".formatted(code, name));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/training/personnel-service");
        header(record, "ce_type", "vn.gov.training.org-unit." + type + ".v1");
        header(record, "content-type", "application/json");
        EventContract.published().assertValid(record); // the fixture keeps personnel-service's contract
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Response copied(String code) {
        return given().header("Authorization", Tokens.bearer("admin")).get("/api/org-unit-copy/" + code);
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        String code = "CP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String created = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(orgUnitEvent(created, "created", code, "Phường Một")).awaitCompletion();
            Poll.until(Duration.ofSeconds(30), () -> copied(code).statusCode(), status -> status == 200);

            String renamed = UUID.randomUUID().toString();
            kafka.produceStrings().fromRecords(
                    orgUnitEvent(renamed, "changed", code, "Phường 1"),
                    // the first event again, as a redelivery would bring it: it must not undo the rename
                    orgUnitEvent(created, "created", code, "Phường Một")).awaitCompletion();
            String marker = "MK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            kafka.produceStrings().fromRecords(orgUnitEvent(UUID.randomUUID().toString(), "created", marker, "Mốc"))
                    .awaitCompletion();
            // once the marker, sent after the redelivery, is applied, the redelivery has been read
            Poll.until(Duration.ofSeconds(30), () -> copied(marker).statusCode(), status -> status == 200);
            assertEquals("Phường 1", copied(code).jsonPath().getString("name"));
        }
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopicWithTheReason() {
        String key = "POISON-" + UUID.randomUUID();
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics("org-unit.dlt");
            kafka.produceStrings().fromRecords(new ProducerRecord<>("org-unit", key, "{not json")).awaitCompletion();
            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(30),
                    () -> deadLetters.getRecords().stream().filter(r -> key.equals(r.key())).toList(),
                    records -> !records.isEmpty());
            deadLetters.stop();
            String reason = new String(mine.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertEquals(true, reason.contains("not a CloudEvent"), reason);
        }
    }

    /**
     * Issue 14: records arrive in batches. A batch holding a poison record in its middle and a redelivery of one of
     * its own events is applied except for the poison record, which goes alone to the dead-letter topic with its
     * reason; the redelivery changes nothing.
     */
    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneAndTheRestOfTheBatchIsApplied() {
        String prefix = "BT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String poisonKey = prefix + "-POISON";
        List<ProducerRecord<String, String>> batch = new java.util.ArrayList<>();
        String firstId = UUID.randomUUID().toString();
        batch.add(orgUnitEvent(firstId, "created", prefix + "00", "Đơn vị 0"));
        for (int i = 1; i < 20; i++) {
            batch.add(orgUnitEvent(UUID.randomUUID().toString(), "created", prefix + "%02d".formatted(i),
                    "Đơn vị " + i));
            if (i == 10) {
                ProducerRecord<String, String> poison = new ProducerRecord<>("org-unit", 0, poisonKey, "{not json");
                header(poison, "ce_specversion", "1.0");
                header(poison, "ce_id", UUID.randomUUID().toString());
                header(poison, "ce_type", "vn.gov.training.org-unit.created.v1");
                batch.add(poison);
                batch.add(orgUnitEvent(UUID.randomUUID().toString(), "changed", prefix + "00", "Đơn vị số 0"));
                // the first event again inside the same batch: it must not undo the rename
                batch.add(orgUnitEvent(firstId, "created", prefix + "00", "Đơn vị 0"));
            }
        }
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics("org-unit.dlt");
            kafka.produceStrings().fromRecords(batch).awaitCompletion();
            List<ConsumerRecord<String, String>> dead = Poll.until(Duration.ofSeconds(60),
                    () -> deadLetters.getRecords().stream().filter(r -> r.key() != null && r.key().startsWith(prefix))
                            .toList(), records -> !records.isEmpty());
            Poll.until(Duration.ofSeconds(60), () -> copied(prefix + "19").statusCode(), status -> status == 200);
            for (int i = 0; i < 20; i++) {
                assertEquals(200, copied(prefix + "%02d".formatted(i)).statusCode(), "unit " + i + " applied");
            }
            assertEquals("Đơn vị số 0", copied(prefix + "00").jsonPath().getString("name"));
            deadLetters.stop();
            assertEquals(List.of(poisonKey), deadLetters.getRecords().stream().map(ConsumerRecord::key)
                    .filter(k -> k != null && k.startsWith(prefix)).toList(), "only the poison record is dead-lettered");
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertEquals(true, reason.contains("does not parse"), reason);
        }
    }
}
