package vn.gov.training.platform.resilience;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Knows whether the service's database is out. The first failure of an outage is logged once as a warning
 * (exception types and SQL state, no stack trace, no message); while it lasts a probe tries a connection every
 * {@code training.outage.probe-interval} and, when the database answers again, logs how long the outage lasted and
 * fires {@link DatabaseRestored} so that work left behind (jobs, waiting consumers) can resume.
 */
@ApplicationScoped
public class DatabaseOutage {

    /** Fired once when the database answers again after an outage. */
    public record DatabaseRestored(Instant since, Duration lasted) {
    }

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final DataSource dataSource;
    private final Event<DatabaseRestored> restored;

    DatabaseOutage(DataSource dataSource, Event<DatabaseRestored> restored) {
        this.dataSource = dataSource;
        this.restored = restored;
    }

    /**
     * Records {@code failure} if it is an outage of the database.
     *
     * @return the transient failure found in its chain (outage or contention), empty for any other failure
     */
    public Optional<TransientFailure> report(Throwable failure) {
        Optional<TransientFailure> found = TransientFailure.of(failure);
        found.filter(f -> f.kind() == TransientFailure.Kind.DATABASE_UNAVAILABLE).ifPresent(outage -> {
            if (since.compareAndSet(null, Instant.now())) {
                LOG.warnf("Database unavailable: %s; requests answer 503 and consumers wait until it is back",
                        outage.description());
            }
        });
        return found;
    }

    /** Whether an outage is going on (reported and not yet seen to end). */
    public boolean isOut() {
        return since.get() != null;
    }

    @Scheduled(every = "${training.outage.probe-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void probe() {
        Instant start = since.get();
        if (start == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return;
            }
        } catch (Exception stillOut) {
            return;
        }
        if (since.compareAndSet(start, null)) {
            Duration lasted = Duration.between(start, Instant.now());
            LOG.infof("Database available again after %d s", lasted.toSeconds());
            restored.fire(new DatabaseRestored(start, lasted));
        }
    }
}
