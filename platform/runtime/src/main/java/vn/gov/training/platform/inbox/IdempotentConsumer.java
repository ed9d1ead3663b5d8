package vn.gov.training.platform.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import vn.gov.training.platform.problem.Failures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.PoisonEventException;

/**
 * Applies a consumed event exactly once: the effect and the inbox claim commit together. A failing effect is
 * retried with back-off; when retries run out, or at once for a {@link PoisonEventException}, the exception
 * propagates so that the channel's {@code dead-letter-queue} failure strategy moves the record to the
 * dead-letter topic with the reason.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @ConfigProperty(name = "training.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "training.consumer.first-backoff", defaultValue = "200ms")
    Duration firstBackoff;

    private final Inbox inbox;

    IdempotentConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * @param consumer a stable name of the projection or handler (its own claims are separate from others')
     * @param record   the consumed Kafka record, a CloudEvent in binary mode
     * @param effect   what the event does; runs inside a transaction
     */
    public void consume(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        EventEnvelope event = EventEnvelope.from(record);
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.claim(consumer, event.id())) {
                        effect.accept(event);
                    }
                });
                return;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    throw new PoisonEventException("gave up after " + attempt + " attempts: " + Failures.describe(e),
                            e);
                }
                LOG.debugf("Event %s of type %s failed (attempt %d), retrying: %s", event.id(), event.type(),
                        attempt, Failures.describe(e));
                backOff(attempt);
            }
        }
    }

    private void backOff(int attempt) {
        try {
            Thread.sleep(firstBackoff.toMillis() << Math.min(attempt - 1, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during retry back-off", e);
        }
    }
}
