package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.Infrastructure;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.Postgres;
import vn.gov.training.platform.testing.RealInfrastructure;

/**
 * Issue 19: PostgreSQL stopped while a person is registered. The event waits (readiness DOWN, naming the consumer
 * and the outage), is applied once the database is back, and nothing goes to {@code personnel.dlt}. Meanwhile the
 * API answers 503 problem+json with Retry-After.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DatabaseOutageTest {

    @Test
    void anEventArrivingDuringADatabaseOutageIsAppliedAfterItAndNotDeadLettered() {
        Copies.units();
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        String id = (String) person.get("personnelId");

        Postgres.stop();
        try {
            Copies.sendPeople("registered", List.of(person));

            // the consumer holds the record and says why, well past the five attempts that used to dead-letter it
            Response ready = Poll.until(Duration.ofSeconds(60), () -> given().get("/q/health/ready").then().extract()
                    .response(), r -> r.statusCode() == 503 && attempt(r) >= 8);
            String waiting = ready.jsonPath().getString("checks.find { it.name == 'event consumers' }.data.'personnel-copy'");
            assertTrue(waiting.contains("DATABASE_UNAVAILABLE"), waiting);

            // requests answer 503 with a problem document and Retry-After, not 500
            Response read = given().header("Authorization", vn.gov.training.platform.testing.Tokens.bearer("admin"))
                    .get("/api/person-copy/" + id).then().extract().response();
            assertEquals(503, read.statusCode(), read.asString());
            assertEquals("application/problem+json", read.contentType());
            assertEquals("database-unavailable", read.jsonPath().getString("code"));
            assertTrue(Integer.parseInt(read.header("Retry-After")) > 0);
        } finally {
            Postgres.start();
        }

        Copies.awaitPerson(id, "ACTIVE", java.time.Duration.ofSeconds(300));
        Poll.until(Duration.ofSeconds(60), () -> given().get("/q/health/ready").statusCode(), s -> s == 200);
        assertEquals(List.of(), deadLettered("personnel.dlt", id));
    }

    /** The highest attempt number a waiting consumer reports in readiness, 0 when none waits. */
    private static int attempt(Response ready) {
        int highest = 0;
        Map<String, Object> data = ready.jsonPath().getMap("checks.find { it.name == 'event consumers' }.data");
        if (data != null) {
            for (Object value : data.values()) {
                var m = java.util.regex.Pattern.compile("attempt (\\d+)").matcher(value.toString());
                if (m.find()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return highest;
    }

    /** The records on a dead-letter topic with this key, read from the beginning to the end. */
    static List<String> deadLettered(String topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record.topic() + "-" + record.partition() + "@" + record.offset());
                    }
                }
            }
        }
        return found;
    }
}
