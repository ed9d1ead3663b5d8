package vn.gov.training.personnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.outbox.Outbox;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;

/**
 * The outbox and the audit trail write their rows just before the transaction commits: in the order they were
 * recorded, whether one by one or in bulk (so the relay sends one aggregate's events in that order), and not at all
 * when the transaction rolls back.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OutboxAndAuditAtCommitTest {

    private static final String TOPIC = "test-at-commit";

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    DataSource dataSource;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> events;

    @BeforeEach
    void consume() {
        kafka = Kafka.companion();
        events = kafka.consumeStrings().fromTopics(TOPIC);
    }

    @AfterEach
    void stopConsuming() {
        events.stop();
        kafka.close();
    }

    @Test
    void rowsRecordedOneByOneAndInBulkAreWrittenInTheOrderRecorded() throws SQLException {
        String aggregate = UUID.randomUUID().toString();
        List<UUID> published = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            published.add(outbox.publish(TOPIC, "test", aggregate, "first", Map.of("n", 1)));
            audit.recordAs("test", "test-entity", aggregate, "first", null, Map.of("n", 1));
            published.addAll(outbox.publishAll(List.of(
                    new Outbox.Outgoing(TOPIC, "test", aggregate, "second", Map.of("n", 2)),
                    new Outbox.Outgoing(TOPIC, "test", aggregate, "third", Map.of("n", 3)))));
            audit.recordAllAs("test", List.of(
                    new AuditTrail.Change("test-entity", aggregate, "second", Map.of("n", 1), Map.of("n", 2)),
                    new AuditTrail.Change("test-entity", aggregate, "third", Map.of("n", 2), Map.of("n", 3))));
            published.add(outbox.publish(TOPIC, "test", aggregate, "fourth", Map.of("n", 4)));
            audit.recordAs("test", "test-entity", aggregate, "fourth", Map.of("n", 3), Map.of("n", 4));
        });

        List<ConsumerRecord<String, String>> sent = Poll.until(Duration.ofSeconds(30),
                () -> events.getRecords().stream().filter(r -> aggregate.equals(r.key())).toList(),
                all -> all.size() >= published.size());
        assertEquals(published.stream().map(UUID::toString).toList(),
                sent.stream().map(r -> header(r, "ce_id")).toList());
        assertEquals(List.of("vn.gov.training.test.first.v1", "vn.gov.training.test.second.v1",
                "vn.gov.training.test.third.v1", "vn.gov.training.test.fourth.v1"),
                sent.stream().map(r -> header(r, "ce_type")).toList());
        assertEquals(List.of("first", "second", "third", "fourth"),
                audit.history("test-entity", aggregate).stream().map(r -> r.action).toList());
    }

    @Test
    void aTransactionThatRollsBackWritesNothing() throws SQLException {
        String aggregate = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(TOPIC, "test", aggregate, "lost", Map.of("n", 1));
            audit.recordAs("test", "test-entity", aggregate, "lost", null, Map.of("n", 1));
            throw new IllegalStateException("the change fails after its event and audit were recorded");
        }));

        assertEquals(List.of(), column("select event_id from outbox_event where aggregate_id = ?", aggregate));
        assertEquals(List.of(), column("select id from audit_record where entity_id = ?", aggregate));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<String> column(String sql, String argument) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, argument);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
