package vn.gov.training.platform.resilience;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.Guard;

/**
 * Runs a step of a background job (one transaction) again while it fails by an outage or contention
 * ({@link TransientFailure}), with capped back-off, for at most {@code patience}; then, or at once for any other
 * failure, the failure propagates. A job that waited resumes at the step it was in, so its committed progress stays
 * true. The retry is SmallRye Fault Tolerance's: 200 ms doubling up to 5 s, without jitter; the patience must be
 * longer than the first wait (it is minutes: {@code training.imports.outage-patience}).
 */
public final class Patience {

    private static final Logger LOG = Logger.getLogger(Patience.class);
    private static final long FIRST_MS = 200;
    private static final long MAX_MS = 5_000;

    private Patience() {
    }

    public static <T> T call(String job, Duration patience, Supplier<T> step) {
        Wait wait = new Wait(job);
        Guard guard = Guard.create()
                .withRetry()
                .maxRetries(-1)
                .maxDuration(patience.toMillis(), ChronoUnit.MILLIS)
                .delay(FIRST_MS, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(TransientFailure::isTransient)
                .beforeRetry(wait::begin)
                // the library wants the longest wait shorter than the patience
                .withExponentialBackoff().factor(2).maxDelay(Math.min(MAX_MS, patience.toMillis() - 1), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
        T result = guard.get(step, Wait.<T>anyType());
        wait.end();
        return result;
    }

    public static void run(String job, Duration patience, Runnable step) {
        call(job, patience, () -> {
            step.run();
            return null;
        });
    }

    /** The log of one call's wait: its start (the first transient failure) and its end. */
    private static final class Wait {

        private final String job;
        private Instant since;

        Wait(String job) {
            this.job = job;
        }

        void begin(Throwable failure) {
            if (since == null) {
                since = Instant.now();
                TransientFailure.of(failure).ifPresent(t -> LOG.warnf("Job %s waits for %s: %s", job, t.kind(),
                        t.description()));
            }
        }

        void end() {
            if (since != null) {
                LOG.infof("Job %s resumed after waiting %d s", job, Duration.between(since, Instant.now()).toSeconds());
            }
        }

        /** A step's result type for the guard, which only asks whether it is asynchronous (it never is here). */
        @SuppressWarnings("unchecked")
        static <T> Class<T> anyType() {
            return (Class<T>) Object.class;
        }
    }
}
