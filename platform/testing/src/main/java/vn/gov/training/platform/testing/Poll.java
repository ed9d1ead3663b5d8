package vn.gov.training.platform.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for an asynchronous outcome by polling with a deadline, never by sleeping a fixed time. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Duration timeout, Callable<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.call();
                if (done.test(last)) {
                    return last;
                }
                lastError = null;
            } catch (Exception e) {
                lastError = e;
            }
            pause();
        }
        AssertionError failure = new AssertionError("not reached within " + timeout + "; last value: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
