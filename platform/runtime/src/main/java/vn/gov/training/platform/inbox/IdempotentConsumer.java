package vn.gov.training.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
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
        Instant waitingSince = null;
        int failures = 0;
        for (int tries = 1; ; tries++) {
            try {
                attempt.run();
                if (waitingSince != null) {
                    health.resumed(consumer);
                    LOG.infof("Consumer %s resumed after %d s (%d attempts) with event %s", consumer,
                            Duration.between(waitingSince, Instant.now()).toSeconds(), tries, event.id());
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
                        LOG.warnf("Consumer %s waits for %s before applying event %s (it is retried, not"
                                + " dead-lettered): %s", consumer, transientFailure.get().kind(), event.id(),
                                transientFailure.get().description());
                    }
                    health.waiting(consumer, transientFailure.get(), waitingSince, tries);
                } else {
                    failures++;
                    if (failures >= maxAttempts) {
                        clear(consumer, waitingSince);
                        throw new PoisonEventException("gave up after " + failures + " attempts: "
                                + Failures.describe(e), e);
                    }
                    LOG.debugf("Event %s of type %s failed (attempt %d), retrying: %s", event.id(), event.type(),
                            tries, Failures.describe(e));
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
