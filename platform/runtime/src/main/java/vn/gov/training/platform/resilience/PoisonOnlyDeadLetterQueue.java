package vn.gov.training.platform.resilience;

import java.util.function.BiConsumer;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.problem.Failures;

/**
 * The failure strategy of every consuming channel ({@code failure-strategy=dead-letter-poison}): the connector's
 * dead-letter queue (same {@code dead-letter-queue.*} settings), but only for failures of the input. A record
 * abandoned because the service stops, or failed by an outage, is neither dead-lettered nor acknowledged, so its
 * offset is not committed and it is consumed again.
 */
@ApplicationScoped
@Identifier(PoisonOnlyDeadLetterQueue.STRATEGY)
public class PoisonOnlyDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-poison";
    private static final Logger LOG = Logger.getLogger(PoisonOnlyDeadLetterQueue.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;

    PoisonOnlyDeadLetterQueue(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        String channel = config.getChannel();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (stopped(reason)) {
                    LOG.debugf("Channel %s stopping: offset %d of %s-%d left for the next start", channel,
                            record.getOffset(), record.getTopic(), record.getPartition());
                    return Uni.createFrom().voidItem();
                }
                var outage = TransientFailure.of(reason);
                if (outage.isPresent() && !poison(reason)) {
                    // not expected (IdempotentConsumer waits out outages): keep the offset, report, never dead-letter
                    LOG.warnf("Channel %s: offset %d of %s-%d failed by %s and is not dead-lettered; it is consumed"
                            + " again after a restart", channel, record.getOffset(), record.getTopic(),
                            record.getPartition(), outage.get().description());
                    reportFailure.accept(reason, false);
                    return Uni.createFrom().voidItem();
                }
                return delegate.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }

    private static boolean poison(Throwable reason) {
        for (Throwable t : Failures.chain(reason)) {
            if (t instanceof vn.gov.training.platform.event.PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    private static boolean stopped(Throwable reason) {
        for (Throwable t : Failures.chain(reason)) {
            if (t instanceof ConsumerStoppedException) {
                return true;
            }
        }
        return false;
    }
}
