package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import vn.gov.training.personnel.domain.ScheduledChange;
import vn.gov.training.platform.persistence.DueRows;
import vn.gov.training.platform.resilience.SkipsDuringOutage;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Applies transfers and departures on their effective date. Each batch takes its due rows with
 * {@code for update skip locked} and marks them applied in the same transaction, so the job is idempotent and two
 * instances running it at once never apply (or publish) one change twice.
 */
@ApplicationScoped
public class ScheduledChanges {

    static final String ACTOR = "system:scheduled-changes";
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(ScheduledChanges.class);

    private final PersonnelService personnel;
    private final EntityManager entityManager;

    ScheduledChanges(PersonnelService personnel, EntityManager entityManager) {
        this.personnel = personnel;
        this.entityManager = entityManager;
    }

    @SkipsDuringOutage
    @Scheduled(identity = "scheduled-person-changes", every = "${training.personnel.scheduled-changes-interval:15m}",
            delayed = "${training.personnel.scheduled-changes-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int applied = applyDue(ProvinceTime.today());
        if (applied > 0) {
            LOG.infof("%d scheduled change(s) applied", applied);
        }
    }

    /** Applies every pending change effective on or before {@code today}, in batches; returns how many. */
    public int applyDue(LocalDate today) {
        return DueRows.drain(BATCH, () -> batch(today));
    }

    @SuppressWarnings("unchecked")
    private int batch(LocalDate today) {
        List<ScheduledChange> due = entityManager.createNativeQuery("""
                        select * from scheduled_change where applied_at is null and effective_on <= ?1
                        order by effective_on, requested_at, id limit ?2 for update skip locked""",
                        ScheduledChange.class)
                .setParameter(1, today).setParameter(2, BATCH).getResultList();
        for (ScheduledChange c : due) {
            personnel.applyScheduled(c, ACTOR);
        }
        return due.size();
    }
}
