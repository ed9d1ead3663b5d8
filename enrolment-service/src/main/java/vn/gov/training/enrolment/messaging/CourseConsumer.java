package vn.gov.training.enrolment.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.service.ClassCopyProjector;
import vn.gov.training.platform.inbox.IdempotentConsumer;

/** Feeds the class copy from the {@code course} topic (class events; programme and plan events are not needed). */
@ApplicationScoped
public class CourseConsumer {

    private final IdempotentConsumer consumer;
    private final ClassCopyProjector projector;

    CourseConsumer(IdempotentConsumer consumer, ClassCopyProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("class-copy")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("class-copy", batch, projector::applyAll);
    }
}
