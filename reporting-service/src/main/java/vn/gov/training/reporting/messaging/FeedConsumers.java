package vn.gov.training.reporting.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
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
    public void orgUnit(ConsumerRecord<String, String> record) {
        consumer.consume(CONSUMER, record, feed::record);
    }

    @Incoming("feed-personnel")
    @Blocking
    public void personnel(ConsumerRecord<String, String> record) {
        consumer.consume(CONSUMER, record, feed::record);
    }

    @Incoming("feed-course")
    @Blocking
    public void course(ConsumerRecord<String, String> record) {
        consumer.consume(CONSUMER, record, feed::record);
    }

    @Incoming("feed-enrolment")
    @Blocking
    public void enrolment(ConsumerRecord<String, String> record) {
        consumer.consume(CONSUMER, record, feed::record);
    }
}
