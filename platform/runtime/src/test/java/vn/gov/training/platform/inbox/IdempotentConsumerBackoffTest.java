package vn.gov.training.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The wait between tries doubles and is capped, however long an outage lasts. */
class IdempotentConsumerBackoffTest {

    @Test
    void backOffDoublesUpToTheCap() {
        Duration first = Duration.ofMillis(200);
        Duration max = Duration.ofSeconds(5);
        assertEquals(200, IdempotentConsumer.delayMillis(first, max, 1));
        assertEquals(400, IdempotentConsumer.delayMillis(first, max, 2));
        assertEquals(3200, IdempotentConsumer.delayMillis(first, max, 5));
        assertEquals(5000, IdempotentConsumer.delayMillis(first, max, 6));
        assertEquals(5000, IdempotentConsumer.delayMillis(first, max, 10_000));
    }
}
