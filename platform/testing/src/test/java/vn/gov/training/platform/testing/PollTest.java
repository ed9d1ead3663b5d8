package vn.gov.training.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PollTest {

    @Test
    void answersTheFirstValueThatIsDoneAndTakesAFailingProbeAsNotYet() {
        AtomicInteger calls = new AtomicInteger();
        Integer value = Poll.until(Duration.ofSeconds(10), () -> {
            int n = calls.incrementAndGet();
            if (n == 2) {
                throw new IllegalStateException("not up yet");
            }
            return n;
        }, n -> n >= 3);
        assertEquals(3, value);
    }

    @Test
    void failsAfterTheDeadlineNamingTheLastValueAndTheLastError() {
        IllegalStateException down = new IllegalStateException("down");
        AtomicInteger calls = new AtomicInteger();
        AssertionError failure = assertThrows(AssertionError.class, () -> Poll.until(Duration.ofMillis(500), () -> {
            if (calls.incrementAndGet() == 1) {
                return "first";
            }
            throw down;
        }, v -> false));
        assertEquals("not reached within PT0.5S; last value: first", failure.getMessage());
        assertSame(down, failure.getCause());
    }
}
