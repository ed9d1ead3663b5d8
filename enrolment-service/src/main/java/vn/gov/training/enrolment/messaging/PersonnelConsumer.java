package vn.gov.training.enrolment.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.inbox.IdempotentConsumer;

/** Feeds the person copy (and breaches of commitments) from the {@code personnel} topic. */
@ApplicationScoped
public class PersonnelConsumer {

    private final IdempotentConsumer consumer;
    private final PersonCopyProjector projector;

    PersonnelConsumer(IdempotentConsumer consumer, PersonCopyProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("personnel-copy")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("personnel-copy", batch, projector::applyAll);
    }
}
