package vn.gov.training.reporting.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.inbox.IdempotentConsumer;
import vn.gov.training.platform.inbox.Inbox;
import vn.gov.training.reporting.projection.Projection;
import vn.gov.training.reporting.projection.ReadModel;

/**
 * The live projection: one ordered blocking consumer per topic into the read model in use. Each event is applied
 * once per generation (the inbox name carries the generation's schema).
 */
@ApplicationScoped
public class ProjectionConsumers {

    private final IdempotentConsumer consumer;
    private final Inbox inbox;
    private final ReadModel readModel;
    private final Projection projection;

    ProjectionConsumers(IdempotentConsumer consumer, Inbox inbox, ReadModel readModel, Projection projection) {
        this.consumer = consumer;
        this.inbox = inbox;
        this.readModel = readModel;
        this.projection = projection;
    }

    @Incoming("report-org-unit")
    @Blocking
    public void orgUnit(ConsumerRecord<String, String> record) {
        apply("org-unit", record);
    }

    @Incoming("report-personnel")
    @Blocking
    public void personnel(ConsumerRecord<String, String> record) {
        apply("personnel", record);
    }

    @Incoming("report-course")
    @Blocking
    public void course(ConsumerRecord<String, String> record) {
        apply("course", record);
    }

    @Incoming("report-enrolment")
    @Blocking
    public void enrolment(ConsumerRecord<String, String> record) {
        apply("enrolment", record);
    }

    /**
     * Each attempt reads the active generation under the live lock and claims the event in that generation's inbox;
     * while an outage makes the consumer wait, the lock is not held, so a rebuild is not stopped by a waiting
     * consumer.
     */
    private void apply(String topic, ConsumerRecord<String, String> record) {
        EventEnvelope event = EventEnvelope.from(record);
        consumer.retrying("report-" + topic, event, () -> readModel.underLiveLock(() -> {
            String schema = readModel.activeSchema();
            QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.claim(Projection.consumerName(schema), event.id())) {
                    readModel.use(schema);
                    projection.apply(topic, event);
                }
            });
            return null;
        }));
    }
}
