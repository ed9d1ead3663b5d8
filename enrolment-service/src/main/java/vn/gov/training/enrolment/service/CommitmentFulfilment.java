package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.gov.training.enrolment.domain.Commitment;
import vn.gov.training.platform.persistence.DueRows;
import vn.gov.training.platform.resilience.SkipsDuringOutage;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Commitments served to their end become FULFILLED ({@code commitment.fulfilled}). Runs on a schedule; idempotent
 * (only ACTIVE commitments are touched) and safe with several instances: each batch locks its rows with
 * {@code for update skip locked}, so two instances never fulfil the same commitment twice.
 */
@ApplicationScoped
public class CommitmentFulfilment {

    static final String ACTOR = "system:commitment-fulfilment";
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(CommitmentFulfilment.class);

    private final CommitmentService commitments;
    private final EntityManager entityManager;

    CommitmentFulfilment(CommitmentService commitments, EntityManager entityManager) {
        this.commitments = commitments;
        this.entityManager = entityManager;
    }

    @SkipsDuringOutage
    @Scheduled(identity = "commitment-fulfilment", every = "${training.commitments.fulfilment-interval:1h}",
            delayed = "${training.commitments.fulfilment-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int fulfilled = fulfilDue(ProvinceTime.today());
        if (fulfilled > 0) {
            LOG.infof("%d commitment(s) fulfilled", fulfilled);
        }
    }

    /** Fulfils every ACTIVE commitment that ends on or before {@code today}, in batches; returns how many. */
    public int fulfilDue(LocalDate today) {
        return DueRows.drain(BATCH, () -> batch(today));
    }

    @SuppressWarnings("unchecked")
    private int batch(LocalDate today) {
        List<Commitment> due = entityManager.createNativeQuery("""
                        select * from commitment where status = 'ACTIVE' and ends_on <= ?1
                        order by ends_on, id limit ?2 for update skip locked""", Commitment.class)
                .setParameter(1, today).setParameter(2, BATCH).getResultList();
        for (Commitment c : due) {
            commitments.fulfil(c, ACTOR);
        }
        return due.size();
    }
}
