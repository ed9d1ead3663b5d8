package vn.gov.training.reporting.projection;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import vn.gov.training.platform.problem.ProblemException;

/**
 * At start-up, rebuilds a read model whose generation was built by an older {@link ReadModel#MODEL_VERSION}: its
 * figures follow an older definition, and replaying the topics is the one way to recompute them exactly. Reports
 * keep answering from the old generation until the new one switches over.
 */
@ApplicationScoped
public class ReadModelUpgrade {

    private static final Logger LOG = Logger.getLogger(ReadModelUpgrade.class);

    private final Sql sql;
    private final Rebuild rebuild;

    ReadModelUpgrade(Sql sql, Rebuild rebuild) {
        this.sql = sql;
        this.rebuild = rebuild;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            Object outdated = QuarkusTransaction.requiringNew().call(() -> sql.value("""
                    select g.model_version from public.report_generation g where g.status = 'ACTIVE'
                    and g.model_version < ? and not exists (select 1 from public.report_generation b
                        where b.status = 'BUILDING' and b.model_version >= ?)""",
                    ReadModel.MODEL_VERSION, ReadModel.MODEL_VERSION));
            if (outdated != null) {
                LOG.infof("Read model of version %s is older than %d: rebuilding it from the topics", outdated,
                        ReadModel.MODEL_VERSION);
                rebuild.start();
            }
        } catch (ProblemException e) {
            LOG.infof("Read model upgrade not started now: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Read model upgrade not started now (%s); POST /api/admin/rebuild starts it",
                    e.getClass().getSimpleName());
        }
    }
}
