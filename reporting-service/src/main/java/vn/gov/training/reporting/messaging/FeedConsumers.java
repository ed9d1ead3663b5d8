package vn.gov.training.reporting.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gov.training.platform.inbox.IdempotentConsumer;
import vn.gov.training.reporting.service.ChangeFeed;

/**
 * Records every event of the four topics in the change feed (own consumer group {@code reporting-service.feed}, from
 * the beginning), once each: the inbox claim and the feed row commit together.
 */
@ApplicationScoped
public class FeedConsumers {

    static final String CONSUMER = "change-feed";

    private final IdempotentConsumer consumer;
    private final ChangeFeed feed;

    FeedConsumers(IdempotentConsumer consumer, ChangeFeed feed) {
        this.consumer = consumer;
        this.feed = feed;
    }

    @Incoming("feed-org-unit")
    @Blocking
    public CompletionStage<Void> orgUnit(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, feed::recordAll);
    }

    @Incoming("feed-personnel")
    @Blocking
    public CompletionStage<Void> personnel(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, feed::recordAll);
    }

    @Incoming("feed-course")
    @Blocking
    public CompletionStage<Void> course(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, feed::recordAll);
    }

    @Incoming("feed-enrolment")
    @Blocking
    public CompletionStage<Void> enrolment(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, feed::recordAll);
    }
}
