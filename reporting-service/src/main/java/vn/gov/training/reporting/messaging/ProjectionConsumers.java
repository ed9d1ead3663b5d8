package vn.gov.training.reporting.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.inbox.IdempotentConsumer;
import vn.gov.training.platform.inbox.Inbox;
import vn.gov.training.reporting.projection.Projection;
import vn.gov.training.reporting.projection.ReadModel;

/**
 * The live projection: one ordered blocking consumer per topic into the read model in use, a batch of records per
 * transaction. Each event is applied once per generation (the inbox name carries the generation's schema).
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
    public CompletionStage<Void> orgUnit(KafkaRecordBatch<String, String> batch) {
        return apply("org-unit", batch);
    }

    @Incoming("report-personnel")
    @Blocking
    public CompletionStage<Void> personnel(KafkaRecordBatch<String, String> batch) {
        return apply("personnel", batch);
    }

    @Incoming("report-course")
    @Blocking
    public CompletionStage<Void> course(KafkaRecordBatch<String, String> batch) {
        return apply("course", batch);
    }

    @Incoming("report-enrolment")
    @Blocking
    public CompletionStage<Void> enrolment(KafkaRecordBatch<String, String> batch) {
        return apply("enrolment", batch);
    }

    /**
     * Each attempt reads the active generation under the live lock and claims the events in that generation's inbox;
     * while an outage makes the consumer wait, the lock is not held, so a rebuild is not stopped by a waiting
     * consumer.
     */
    private CompletionStage<Void> apply(String topic, KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch("report-" + topic, batch, events -> readModel.underLiveLock(() -> {
            String schema = readModel.activeSchema();
            QuarkusTransaction.requiringNew().run(() -> {
                List<EventEnvelope> fresh = inbox.claimAll(Projection.consumerName(schema), events);
                if (!fresh.isEmpty()) {
                    readModel.use(schema);
                    projection.applyAll(topic, fresh);
                }
            });
            return null;
        }));
    }
}
