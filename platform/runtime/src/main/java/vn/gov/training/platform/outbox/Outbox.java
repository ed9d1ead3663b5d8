package vn.gov.training.platform.outbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.event.EventTypes;
import vn.gov.training.platform.persistence.BeforeCommit;
import vn.gov.training.platform.persistence.TimeOrderedIds;
import vn.gov.training.platform.trace.TraceContext;

/**
 * Records an outgoing event in the caller's transaction. Nothing is sent here: {@link OutboxRelay} publishes
 * committed events, so an event exists if and only if the state change it reports was committed. The relay is
 * woken as soon as such a transaction commits.
 */
@ApplicationScoped
public class Outbox {

    /** One outgoing event of a bulk write ({@link #publishAll(List)}); the arguments of {@link #publish}. */
    public record Outgoing(String topic, String aggregate, String aggregateId, String event, Object data) {
    }

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final BeforeCommit beforeCommit;

    Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
           BeforeCommit beforeCommit) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.beforeCommit = beforeCommit;
    }

    /**
     * Records many outgoing events in the caller's transaction (bulk writes such as imports), in the order given.
     *
     * @return the event ids, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Outgoing> events) {
        Timestamp at = now();
        String traceparent = TraceContext.traceparent();
        List<Row> rows = beforeCommit.rows(WRITER);
        List<UUID> ids = new ArrayList<>(events.size());
        for (Outgoing event : events) {
            Row row = new Row(TimeOrderedIds.next(), event.topic(), event.aggregateId(),
                    EventTypes.of(event.aggregate(), event.event()), toJson(event.data()), at, traceparent);
            rows.add(row);
            ids.add(row.eventId());
        }
        if (!events.isEmpty()) {
            wakeRelayAfterCommit();
        }
        return ids;
    }

    /**
     * Records an outgoing event in the caller's transaction. The row is written with the transaction's other events
     * just before it commits, in the order published ({@link BeforeCommit}).
     *
     * @param topic       the Kafka topic, e.g. {@code personnel}
     * @param aggregate   the aggregate name in the type, e.g. {@code personnel}
     * @param aggregateId the Kafka key: one aggregate's events stay in one partition, in order
     * @param event       the event name, e.g. {@code registered}
     * @param data        the event data, serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregate, String aggregateId, String event, Object data) {
        return publishAll(List.of(new Outgoing(topic, aggregate, aggregateId, event, data))).get(0);
    }

    private static Timestamp now() {
        return Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
    }

    /** An event's row; the subject is the aggregate id. */
    private record Row(UUID eventId, String topic, String aggregateId, String type, String payload,
                       Timestamp occurredAt, String traceparent) {
    }

    private static final BeforeCommit.Writer<Row> WRITER = (connection, rows) -> {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, aggregate_id, type, subject, payload, occurred_at,
                    traceparent)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Row row : rows) {
                insert.setObject(1, row.eventId());
                insert.setString(2, row.topic());
                insert.setString(3, row.aggregateId());
                insert.setString(4, row.type());
                insert.setString(5, row.aggregateId());
                insert.setString(6, row.payload());
                insert.setTimestamp(7, row.occurredAt());
                insert.setString(8, row.traceparent());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    };

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) == null) {
            transactions.putResource(Outbox.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wakeUp();
                    }
                }
            });
        }
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialised: " + data.getClass().getName(), e);
        }
    }
}
