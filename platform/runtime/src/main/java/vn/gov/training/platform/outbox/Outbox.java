package vn.gov.training.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.event.EventTypes;

/**
 * Records an outgoing event in the caller's transaction. Nothing is sent here: {@link OutboxRelay} publishes
 * committed events, so an event exists if and only if the state change it reports was committed. The relay is
 * woken as soon as such a transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
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
