package vn.gov.training.personnel.nationalsync.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.nationalsync.domain.InitialLoad;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/**
 * Starting and reading initial loads (the work is {@link InitialLoadWorker}'s). Starting is idempotent: while a load
 * runs, starting again answers that load; a load started after an earlier one finished creates only the deliveries
 * still missing (none when nothing changed), since a section equal to the last one recorded is never recorded again.
 */
@ApplicationScoped
public class InitialLoads {

    public static final String AUDIT_TYPE = "national-initial-load";

    /** The load asked for, and whether this call started it (false: it was already running). */
    public record Started(InitialLoad load, boolean created) {
    }

    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Caller caller;

    InitialLoads(EntityManager entityManager, AuditTrail audit, Caller caller) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public Started start() {
        // serialises concurrent starts; the unique index on the running load is the last word
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('national-initial-load'))")
                .getSingleResult();
        InitialLoad running = InitialLoad.find("status", InitialLoad.Status.RUNNING).firstResult();
        if (running != null) {
            return new Started(running, false);
        }
        InitialLoad load = new InitialLoad();
        load.id = UUID.randomUUID();
        load.status = InitialLoad.Status.RUNNING;
        load.requestedBy = caller.name();
        load.startedAt = ProvinceTime.now();
        load.totalPeople = (int) Person.count();
        load.persist();
        audit.record(AUDIT_TYPE, load.id, "started", null, snapshot(load));
        return new Started(load, true);
    }

    public InitialLoad get(UUID id) {
        InitialLoad load = InitialLoad.findById(id);
        if (load == null) {
            throw ProblemException.notFound("national-initial-load-not-found", id);
        }
        return load;
    }

    public PageResponse<InitialLoad> list(int page, int size) {
        var found = InitialLoad.<InitialLoad>find("order by startedAt desc");
        return new PageResponse<>(found.page(Page.of(page, size)).list(), page, size, found.count());
    }

    static Map<String, Object> snapshot(InitialLoad load) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", load.status.name());
        s.put("totalPeople", load.totalPeople);
        s.put("processedPeople", load.processedPeople);
        s.put("deliveriesCreated", load.deliveriesCreated);
        return s;
    }
}
