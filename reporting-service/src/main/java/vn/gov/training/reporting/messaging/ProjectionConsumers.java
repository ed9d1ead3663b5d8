package vn.gov.training.reporting.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.inbox.IdempotentConsumer;
import vn.gov.training.reporting.projection.Projection;
import vn.gov.training.reporting.projection.ReadModel;

/**
 * The live projection: one ordered blocking consumer per topic into the read model in use. Each event is applied
 * once per generation (the inbox name carries the generation's schema).
 */
@ApplicationScoped
public class ProjectionConsumers {

    private final IdempotentConsumer consumer;
    private final ReadModel readModel;
    private final Projection projection;

    ProjectionConsumers(IdempotentConsumer consumer, ReadModel readModel, Projection projection) {
        this.consumer = consumer;
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

    private void apply(String topic, ConsumerRecord<String, String> record) {
        readModel.underLiveLock(() -> {
            String schema = readModel.activeSchema();
            consumer.consume(Projection.consumerName(schema), record, event -> {
                readModel.use(schema);
                projection.apply(topic, event);
            });
            return null;
        });
    }
}
