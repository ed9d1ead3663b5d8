package vn.gov.training.reporting.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gov.training.platform.inbox.IdempotentConsumer;
import vn.gov.training.reporting.service.ChangeFeed;

/**
 * Records every event of the four topics in the change feed (own consumer group {@code reporting-service.feed}, from
 * the beginning), once each. The feed row is its own claim: it is written once per event id (unique, {@code on
 * conflict do nothing}), so a redelivered event changes nothing without an inbox row beside it (which cost as much
 * again as the feed row: two million of them in a million-turn history import).
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

    private CompletionStage<Void> record(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(CONSUMER, batch,
                events -> QuarkusTransaction.requiringNew().run(() -> feed.recordAll(events)));
    }

    @Incoming("feed-org-unit")
    @Blocking
    public CompletionStage<Void> orgUnit(KafkaRecordBatch<String, String> batch) {
        return record(batch);
    }

    @Incoming("feed-personnel")
    @Blocking
    public CompletionStage<Void> personnel(KafkaRecordBatch<String, String> batch) {
        return record(batch);
    }

    @Incoming("feed-course")
    @Blocking
    public CompletionStage<Void> course(KafkaRecordBatch<String, String> batch) {
        return record(batch);
    }

    @Incoming("feed-enrolment")
    @Blocking
    public CompletionStage<Void> enrolment(KafkaRecordBatch<String, String> batch) {
        return record(batch);
    }
}
