package vn.gov.training.platform.resilience;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks periodic work (a {@code @Scheduled} method) that is simply tried again at its next run when infrastructure
 * fails: while the database is known to be out the run is skipped, and a run that meets a transient failure (see
 * {@link TransientFailure}) ends quietly, the outage being logged once by {@link DatabaseOutage} instead of an
 * error with a stack trace every second. Any other failure propagates as before.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface SkipsDuringOutage {
}
