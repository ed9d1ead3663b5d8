package vn.gov.training.enrolment.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.inbox.IdempotentConsumer;

/** Feeds the class and programme copies from the {@code course} topic (plan events are not needed). */
@ApplicationScoped
public class CourseConsumer {

    private final IdempotentConsumer consumer;
    private final ClassCopyProjector projector;
    private final ProgramCopyProjector programs;

    CourseConsumer(IdempotentConsumer consumer, ClassCopyProjector projector, ProgramCopyProjector programs) {
        this.consumer = consumer;
        this.projector = projector;
        this.programs = programs;
    }

    @Incoming("class-copy")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("class-copy", batch, events -> {
            events.forEach(programs::apply);
            projector.applyAll(events);
        });
    }
}
