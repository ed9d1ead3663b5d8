package vn.gov.training.reporting.projection;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.problem.ProblemException;

/**
 * Rebuilds a read model whose generation was built by an older {@link ReadModel#MODEL_VERSION}: its tables and
 * figures follow an older schema and definition, and replaying the topics is the one way to recompute them exactly.
 * Until the new generation switches over, the reports answer 503 and the live projection waits ({@link ReadModel}).
 * Checked at start-up and again with the rebuild sweep, so that a rebuild that failed, or was abandoned after a crash,
 * is started again.
 */
@ApplicationScoped
public class ReadModelUpgrade {

    private static final Logger LOG = Logger.getLogger(ReadModelUpgrade.class);

    private final ReadModel readModel;
    private final Rebuild rebuild;

    ReadModelUpgrade(ReadModel readModel, Rebuild rebuild) {
        this.readModel = readModel;
        this.rebuild = rebuild;
    }

    void onStart(@Observes StartupEvent event) {
        upgradeIfOutdated();
    }

    @Scheduled(every = "${training.reports.rebuild-sweep:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkAgain() {
        upgradeIfOutdated();
    }

    /** Starts a rebuild when the generation in use is of an older model and no rebuild is running. */
    public void upgradeIfOutdated() {
        try {
            ReadModel.Generation active = readModel.reload();
            if (!active.current()) {
                Rebuild.Progress started = rebuild.start();
                LOG.infof("Read model %s of version %d is older than %d: rebuilding it from the topics (rebuild %d)",
                        active.schema(), active.modelVersion(), ReadModel.MODEL_VERSION, started.id());
            }
        } catch (ProblemException e) {
            LOG.debugf("Read model upgrade not started now: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Read model upgrade not started now (%s); it is tried again with the rebuild sweep",
                    Failures.describe(e));
        }
    }
}
