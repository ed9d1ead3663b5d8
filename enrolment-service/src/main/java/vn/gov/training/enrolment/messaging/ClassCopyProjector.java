package vn.gov.training.enrolment.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.service.EnrolmentService;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.EventTypes;
import vn.gov.training.platform.event.PoisonEventException;

/** Upserts the class copy from {@code class.*} events; programme and plan events on the topic are skipped. */
@ApplicationScoped
public class ClassCopyProjector {

    private final EventReader reader;
    private final EnrolmentService enrolments;

    ClassCopyProjector(EventReader reader, EnrolmentService enrolments) {
        this.reader = reader;
        this.enrolments = enrolments;
    }

    /**
     * Applies a batch of course events in order: the copies of the batch's classes are read (and locked) with one
     * query; their inserts and updates go out in JDBC batches when the transaction flushes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<EventEnvelope> events) {
        List<EventEnvelope> classEvents = new ArrayList<>();
        List<ClassData> read = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (!"class".equals(EventTypes.aggregate(event.type()))) {
                continue;
            }
            ClassData data = reader.read(event, ClassData.class);
            if (data.classId() == null || data.program() == null) {
                throw new PoisonEventException("class event " + event.id() + " without classId or program");
            }
            classEvents.add(event);
            read.add(data);
        }
        if (read.isEmpty()) {
            return;
        }
        Map<UUID, ClassCopy> copies = new HashMap<>();
        ClassCopy.<ClassCopy>find("classId in ?1", read.stream().map(ClassData::classId).distinct().toList())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(c -> copies.put(c.classId, c));
        for (int i = 0; i < read.size(); i++) {
            apply(classEvents.get(i), read.get(i), copies.computeIfAbsent(read.get(i).classId(), id -> {
                ClassCopy fresh = new ClassCopy();
                fresh.classId = id;
                return fresh;
            }));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }

    private void apply(EventEnvelope event, ClassData data, ClassCopy copy) {
        copy.code = data.code() == null ? data.classId().toString() : data.code();
        copy.program = data.program();
        copy.programId = data.program().programId();
        copy.institutionCode = data.institutionCode();
        copy.institutionName = data.institutionName();
        copy.organisingUnitCode = data.organisingUnitCode();
        copy.location = data.location() == null ? "DOMESTIC" : data.location();
        copy.country = data.country();
        copy.venue = data.venue();
        copy.startDate = data.startDate();
        copy.endDate = data.endDate();
        copy.capacity = data.capacity() == null ? 0 : data.capacity();
        copy.minCapacity = data.minCapacity();
        copy.registrationOpensOn = data.registrationOpensOn();
        copy.registrationClosesOn = data.registrationClosesOn();
        copy.costPerLearnerVnd = data.costPerLearnerVnd();
        copy.funding = data.funding() == null ? List.of() : data.funding();
        copy.status = data.status() == null ? "PLANNED" : data.status();
        copy.sessions = data.sessions() == null ? List.of() : data.sessions();
        copy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        copy.persist();
        if ("cancelled".equals(event.eventName())) {
            enrolments.classCancelled(copy, "event:" + event.type());
        }
    }
}
