package vn.gov.training.platform.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for an asynchronous outcome by polling with a deadline (Awaitility), never by sleeping a fixed time. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /**
     * Calls {@code probe} at once and then every 100 ms, in the calling thread, until {@code done} holds for its
     * value, and returns that value. A probe that throws counts as not done yet. Fails with an
     * {@link AssertionError} naming the last value (and the last exception as its cause) when {@code timeout} passes.
     */
    public static <T> T until(Duration timeout, Callable<T> probe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<Exception> lastError = new AtomicReference<>();
        AtomicBoolean reached = new AtomicBoolean();
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(INTERVAL).pollInSameThread()
                    .dontCatchUncaughtExceptions().until(() -> {
                        try {
                            T value = probe.call();
                            last.set(value);
                            lastError.set(null);
                            reached.set(done.test(value));
                            return reached.get();
                        } catch (Exception e) {
                            lastError.set(e);
                            return false;
                        }
                    });
            return last.get();
        } catch (ConditionTimeoutException timedOut) {
            if (reached.get()) {
                return last.get(); // done by a probe that ended after the deadline: done all the same
            }
            AssertionError failure = new AssertionError("not reached within " + timeout + "; last value: "
                    + last.get());
            if (lastError.get() != null) {
                failure.initCause(lastError.get());
            }
            throw failure;
        }
    }
}
