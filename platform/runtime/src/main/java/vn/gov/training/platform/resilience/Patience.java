package vn.gov.training.platform.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Runs a step of a background job (one transaction) again while it fails by an outage or contention
 * ({@link TransientFailure}), with capped back-off, for at most {@code patience}; then, or at once for any other
 * failure, the failure propagates. A job that waited resumes at the step it was in, so its committed progress stays
 * true.
 */
public final class Patience {

    private static final Logger LOG = Logger.getLogger(Patience.class);
    private static final long FIRST_MS = 200;
    private static final long MAX_MS = 5_000;

    private Patience() {
    }

    public static <T> T call(String job, Duration patience, Supplier<T> step) {
        Instant deadline = Instant.now().plus(patience);
        Instant waitingSince = null;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = step.get();
                if (waitingSince != null) {
                    LOG.infof("Job %s resumed after waiting %d s", job,
                            Duration.between(waitingSince, Instant.now()).toSeconds());
                }
                return result;
            } catch (RuntimeException e) {
                var transientFailure = TransientFailure.of(e);
                if (transientFailure.isEmpty() || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                if (waitingSince == null) {
                    waitingSince = Instant.now();
                    LOG.warnf("Job %s waits for %s: %s", job, transientFailure.get().kind(),
                            transientFailure.get().description());
                }
                try {
                    Thread.sleep(Math.min(MAX_MS, FIRST_MS << Math.min(attempt - 1, 10)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static void run(String job, Duration patience, Runnable step) {
        call(job, patience, () -> {
            step.run();
            return null;
        });
    }
}
