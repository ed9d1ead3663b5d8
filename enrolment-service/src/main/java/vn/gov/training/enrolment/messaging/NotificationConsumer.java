package vn.gov.training.enrolment.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.service.NotificationPlanner;
import vn.gov.training.platform.inbox.IdempotentConsumer;

/**
 * Reads this service's own {@code enrolment} topic and the {@code course} topic for the facts people are told by mail
 * (channels {@code notifications-enrolment} and {@code notifications-course}, consumer groups of their own, each
 * dead-lettering to its topic's {@code .dlt}). Through the idempotent consumer: an event's
 * notifications and its inbox claim commit together, so a redelivered event records nothing twice.
 */
@ApplicationScoped
public class NotificationConsumer {

    private final IdempotentConsumer consumer;
    private final NotificationPlanner planner;

    NotificationConsumer(IdempotentConsumer consumer, NotificationPlanner planner) {
        this.consumer = consumer;
        this.planner = planner;
    }

    @Incoming("notifications-enrolment")
    @Blocking
    public CompletionStage<Void> enrolmentFacts(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("notifications-enrolment", batch, planner::applyAll);
    }

    @Incoming("notifications-course")
    @Blocking
    public CompletionStage<Void> classFacts(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("notifications-course", batch, planner::applyAll);
    }
}
