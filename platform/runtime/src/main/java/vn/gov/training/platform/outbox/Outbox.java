package vn.gov.training.platform.outbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.event.EventTypes;
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
    private final EntityManager entityManager;

    Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
           EntityManager entityManager) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.entityManager = entityManager;
    }

    /**
     * Records many outgoing events in the caller's transaction with one JDBC batch (bulk writes such as imports),
     * in the order given.
     *
     * @return the event ids, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Outgoing> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Timestamp at = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        List<UUID> ids = new ArrayList<>(events.size());
        List<String> payloads = new ArrayList<>(events.size());
        for (Outgoing event : events) {
            ids.add(UUID.randomUUID());
            payloads.add(toJson(event.data()));
        }
        String traceparent = TraceContext.traceparent();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, aggregate_id, type, subject, payload, occurred_at,
                        traceparent)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < events.size(); i++) {
                    Outgoing event = events.get(i);
                    insert.setObject(1, ids.get(i));
                    insert.setString(2, event.topic());
                    insert.setString(3, event.aggregateId());
                    insert.setString(4, EventTypes.of(event.aggregate(), event.event()));
                    insert.setString(5, event.aggregateId());
                    insert.setString(6, payloads.get(i));
                    insert.setTimestamp(7, at);
                    insert.setString(8, traceparent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return ids;
    }

    /**
     * @param topic       the Kafka topic, e.g. {@code personnel}
     * @param aggregate   the aggregate name in the type, e.g. {@code personnel}
     * @param aggregateId the Kafka key: one aggregate's events stay in one partition, in order
     * @param event       the event name, e.g. {@code registered}
     * @param data        the event data, serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregate, String aggregateId, String event, Object data) {
        OutboxEvent outgoing = new OutboxEvent();
        outgoing.eventId = UUID.randomUUID();
        outgoing.topic = topic;
        outgoing.aggregateId = aggregateId;
        outgoing.type = EventTypes.of(aggregate, event);
        outgoing.subject = aggregateId;
        outgoing.payload = toJson(data);
        outgoing.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        outgoing.traceparent = TraceContext.traceparent();
        outgoing.persist();
        wakeRelayAfterCommit();
        return outgoing.eventId;
    }

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
