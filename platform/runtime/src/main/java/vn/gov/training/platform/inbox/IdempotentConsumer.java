package vn.gov.training.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.resilience.ConsumerHealth;
import vn.gov.training.platform.resilience.ConsumerStoppedException;
import vn.gov.training.platform.resilience.DatabaseOutage;
import vn.gov.training.platform.resilience.TransientFailure;

/**
 * Applies a consumed event exactly once: the effect and the inbox claim commit together.
 * <ul>
 * <li>A failure of infrastructure ({@link TransientFailure}: database unreachable or starting, connection lost,
 * serialization failure, deadlock, lock timeout, broker unavailable) is not the event's fault: the consumer waits
 * with capped back-off and retries without limit, holding its ordered channel (nothing after the record is applied,
 * its offset is not committed), and resumes with this record when the part is back. Readiness reports it DOWN
 * meanwhile ({@link ConsumerHealth}).</li>
 * <li>A {@link PoisonEventException} goes to the dead-letter topic at once, with its reason.</li>
 * <li>Any other failure is retried {@code training.consumer.max-attempts} times, then dead-lettered.</li>
 * </ul>
 * When the service stops during a wait the record is left for the next start ({@link ConsumerStoppedException},
 * which the {@code dead-letter-poison} failure strategy neither dead-letters nor acknowledges).
 * <p>
 * Channels consume in batches ({@code batch=true}, {@link #consume(String, KafkaRecordBatch, BatchEffect)}): a batch
 * is claimed in one statement and applied in one transaction, in the order of its records (so in order per key). An
 * outage makes the whole batch wait as above. Any other failure of the batch makes it fall back to one event per
 * transaction, each with the handling above, so a poison record goes alone to the dead-letter topic with its reason
 * and the rest of its batch is applied.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @ConfigProperty(name = "training.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "training.consumer.first-backoff", defaultValue = "200ms")
    Duration firstBackoff;

    @ConfigProperty(name = "training.consumer.max-backoff", defaultValue = "5s")
    Duration maxBackoff;

    private final Inbox inbox;
    private final ConsumerHealth health;
    private final DatabaseOutage outage;
    private final CountDownLatch stopping = new CountDownLatch(1);

    IdempotentConsumer(Inbox inbox, ConsumerHealth health, DatabaseOutage outage) {
        this.inbox = inbox;
        this.health = health;
        this.outage = outage;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /** What a batch of events does; runs inside a transaction with the events this consumer had not seen yet. */
    @FunctionalInterface
    public interface BatchEffect {
        void apply(List<EventEnvelope> events);
    }

    /**
     * Applies a consumed batch exactly once, in one transaction (one event per transaction after a failure of the
     * input, see the class). Returns the acknowledgement of the batch, to be returned by the {@code @Incoming}
     * method.
     *
     * @param consumer a stable name of the projection or handler (its own claims are separate from others')
     * @param effect   what the events the consumer has not seen yet do, in the batch's order
     */
    public CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, String> batch, BatchEffect effect) {
        return consumeBatch(consumer, batch, events -> QuarkusTransaction.requiringNew()
                .run(() -> effect.apply(inbox.claimAll(consumer, events))));
    }

    /**
     * Like {@link #consume(String, KafkaRecordBatch, BatchEffect)} for a consumer that must do more per attempt than
     * claim and apply: {@code attempt} claims and applies the events it is given in one transaction of its own.
     *
     * @param consumer the name under which a wait is reported in health and logs
     */
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<String, String> batch,
                                              java.util.function.Consumer<List<EventEnvelope>> attempt) {
        List<KafkaRecord<String, String>> records = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(EventEnvelope.from(record.getTopic(), offset(record), record.getHeaders(),
                        record.getKey(), record.getPayload()));
                records.add(record);
            } catch (PoisonEventException e) {
                deadLetter(record, e);
            }
        }
        try {
            if (!events.isEmpty()) {
                try {
                    retrying(consumer, "batch of " + events.size() + " events from " + events.getFirst().id(),
                            () -> attempt.accept(events), false);
                } catch (ConsumerStoppedException e) {
                    throw e;
                } catch (RuntimeException failedBatch) {
                    LOG.debugf("A batch of %d events failed (%s); applying them one by one", events.size(),
                            Failures.describe(failedBatch));
                    for (int i = 0; i < events.size(); i++) {
                        EventEnvelope event = events.get(i);
                        try {
                            retrying(consumer, event, () -> attempt.accept(List.of(event)));
                        } catch (PoisonEventException e) {
                            deadLetter(records.get(i), e);
                        }
                    }
                }
            }
        } catch (ConsumerStoppedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return batch.ack();
    }

    private static long offset(KafkaRecord<String, String> record) {
        return record instanceof IncomingKafkaRecord<String, String> incoming ? incoming.getOffset() : -1;
    }

    /** Sends one record to the channel's dead-letter topic (its failure strategy) and waits until it is there. */
    private static void deadLetter(KafkaRecord<String, String> record, PoisonEventException reason) {
        LOG.debugf("Record %s-%d@%d is dead-lettered: %s", record.getTopic(), record.getPartition(),
                offset(record), reason.getMessage());
        record.nack(reason).toCompletableFuture().join();
    }

    /**
     * @param consumer a stable name of the projection or handler (its own claims are separate from others')
     * @param record   the consumed Kafka record, a CloudEvent in binary mode
     * @param effect   what the event does; runs inside a transaction
     */
    public void consume(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        EventEnvelope event = EventEnvelope.from(record);
        retrying(consumer, event, () -> QuarkusTransaction.requiringNew().run(() -> {
            if (inbox.claim(consumer, event.id())) {
                effect.accept(event);
            }
        }));
    }

    /**
     * Runs one {@code attempt} at applying {@code event} until it succeeds, with the failure handling described on
     * the class. For a consumer that must do more per attempt than claim and apply (the attempt claims itself).
     *
     * @param consumer the name under which a wait is reported in health and logs
     */
    public void retrying(String consumer, EventEnvelope event, Runnable attempt) {
        retrying(consumer, "event " + event.id() + " of type " + event.type(), attempt, true);
    }

    /**
     * @param retryFailures true: a failure of the input is retried up to {@code max-attempts}, then it is a
     *                      {@link PoisonEventException}; false: it is thrown at once (only outages are waited out)
     */
    private void retrying(String consumer, String what, Runnable attempt, boolean retryFailures) {
        Instant waitingSince = null;
        int failures = 0;
        for (int tries = 1; ; tries++) {
            try {
                attempt.run();
                if (waitingSince != null) {
                    health.resumed(consumer);
                    LOG.infof("Consumer %s resumed after %d s (%d attempts) with %s", consumer,
                            Duration.between(waitingSince, Instant.now()).toSeconds(), tries, what);
                }
                return;
            } catch (PoisonEventException e) {
                clear(consumer, waitingSince);
                throw e;
            } catch (RuntimeException e) {
                Optional<TransientFailure> transientFailure = outage.report(e);
                if (transientFailure.isPresent()) {
                    if (waitingSince == null) {
                        waitingSince = Instant.now();
                        LOG.warnf("Consumer %s waits for %s before applying %s (it is retried, not"
                                + " dead-lettered): %s", consumer, transientFailure.get().kind(), what,
                                transientFailure.get().description());
                    }
                    health.waiting(consumer, transientFailure.get(), waitingSince, tries);
                } else if (!retryFailures) {
                    clear(consumer, waitingSince);
                    throw e;
                } else {
                    failures++;
                    if (failures >= maxAttempts) {
                        clear(consumer, waitingSince);
                        throw new PoisonEventException("gave up after " + failures + " attempts: "
                                + Failures.describe(e), e);
                    }
                    LOG.debugf("%s failed (attempt %d), retrying: %s", what, tries, Failures.describe(e));
                }
                if (backOff(tries)) {
                    clear(consumer, waitingSince);
                    throw new ConsumerStoppedException(consumer, e);
                }
            }
        }
    }

    private void clear(String consumer, Instant waitingSince) {
        if (waitingSince != null) {
            health.resumed(consumer);
        }
    }

    /** The delay before the next try: doubles from {@code first-backoff} up to {@code max-backoff}. */
    static long delayMillis(Duration first, Duration max, int attempt) {
        long delay = first.toMillis() << Math.min(attempt - 1, 20);
        return Math.min(delay, max.toMillis());
    }

    /** @return true when the service is stopping */
    private boolean backOff(int attempt) {
        try {
            return stopping.await(delayMillis(firstBackoff, maxBackoff, attempt), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
