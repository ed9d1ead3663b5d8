package vn.gov.training.personnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.resilience.Patience;
import vn.gov.training.platform.testing.RealInfrastructure;

/**
 * The imports' {@link Patience} on SmallRye Fault Tolerance (a Quarkus application, as in production): an outage is
 * waited out, a failure of the input propagates at once, and an outage longer than the patience propagates.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PatienceTest {

    private static RuntimeException outage() {
        return new IllegalStateException("transaction failed",
                new SQLTransientConnectionException("connection refused", "08001"));
    }

    @Test
    void anOutageIsWaitedOutAndTheStepsResultReturned() {
        AtomicInteger tries = new AtomicInteger();
        String result = Patience.call("test", Duration.ofMinutes(1), () -> {
            if (tries.incrementAndGet() < 3) {
                throw outage();
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, tries.get());
    }

    @Test
    void aFailureOfTheInputIsNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        IllegalArgumentException bad = new IllegalArgumentException("row 3: no such unit");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Patience.run("test", Duration.ofMinutes(1), () -> {
                    tries.incrementAndGet();
                    throw bad;
                }));
        assertSame(bad, thrown);
        assertEquals(1, tries.get());
    }

    @Test
    void anOutageLongerThanThePatiencePropagates() {
        AtomicInteger tries = new AtomicInteger();
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> Patience.run("test", Duration.ofMillis(700), () -> {
                    tries.incrementAndGet();
                    throw outage();
                }));
        assertTrue(thrown.getCause() instanceof SQLTransientConnectionException, thrown.toString());
        // 200, 400, 699 ms between tries: the third or fourth try is the last
        assertTrue(tries.get() >= 3 && tries.get() <= 4, "tries: " + tries.get());
    }
}
