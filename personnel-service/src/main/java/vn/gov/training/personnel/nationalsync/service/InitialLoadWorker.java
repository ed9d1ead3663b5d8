package vn.gov.training.personnel.nationalsync.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.nationalsync.domain.InitialLoad;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.resilience.SkipsDuringOutage;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Does the running initial load, batch by batch, every {@code training.national-sync.initial-load-interval}: each
 * batch is one transaction that takes the load ({@code for update skip locked}: one instance at a time), the next
 * {@code initial-load-batch} people after the last one done, in id order ({@code for update}, so a change of one of
 * them waits for the batch and sees its deliveries), records the sections their national file lacks
 * ({@link NationalChanges#personChanged}) and moves the load's counters and cursor, all committed together. The last
 * batch marks the load COMPLETED (audited as the system). Nothing is held between batches, so a restart continues.
 */
@ApplicationScoped
public class InitialLoadWorker {

    static final String ACTOR = "system:national-initial-load";
    /** Below every person id (uuid order is byte order). */
    private static final UUID FIRST = new UUID(0, 0);
    private static final Logger LOG = Logger.getLogger(InitialLoadWorker.class);

    private final EntityManager entityManager;
    private final NationalChanges changes;
    private final AuditTrail audit;
    private final int batchSize;

    InitialLoadWorker(EntityManager entityManager, NationalChanges changes, AuditTrail audit,
                      @ConfigProperty(name = "training.national-sync.initial-load-batch", defaultValue = "200")
                      int batchSize) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.audit = audit;
        this.batchSize = batchSize;
    }

    @SkipsDuringOutage
    @Scheduled(identity = "national-initial-load", every = "${training.national-sync.initial-load-interval:5s}",
            delayed = "${training.national-sync.delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        while (QuarkusTransaction.requiringNew().call(this::batch)) {
            // next batch, in a new transaction
        }
    }

    /** One batch of the running load; true when there is more to do. */
    @SuppressWarnings("unchecked")
    boolean batch() {
        List<InitialLoad> running = entityManager.createNativeQuery("""
                        select * from national_initial_load where status = 'RUNNING' for update skip locked""",
                        InitialLoad.class).getResultList();
        if (running.isEmpty()) {
            return false;
        }
        InitialLoad load = running.get(0);
        List<Person> people = entityManager.createNativeQuery("""
                        select * from person where id > ?1 order by id limit ?2 for update""", Person.class)
                .setParameter(1, load.lastPersonId == null ? FIRST : load.lastPersonId)
                .setParameter(2, batchSize).getResultList();
        int created = 0;
        for (Person person : people) {
            created += changes.personChanged(person);
        }
        load.processedPeople += people.size();
        load.deliveriesCreated += created;
        if (!people.isEmpty()) {
            load.lastPersonId = people.get(people.size() - 1).id;
        }
        load.heartbeatAt = ProvinceTime.now();
        if (people.size() < batchSize) {
            load.status = InitialLoad.Status.COMPLETED;
            load.finishedAt = load.heartbeatAt;
            audit.recordAs(ACTOR, InitialLoads.AUDIT_TYPE, load.id, "completed", null, InitialLoads.snapshot(load));
            LOG.infof("national initial load %s completed: %d people, %d deliveries", load.id, load.processedPeople,
                    load.deliveriesCreated);
            return false;
        }
        return true;
    }
}
