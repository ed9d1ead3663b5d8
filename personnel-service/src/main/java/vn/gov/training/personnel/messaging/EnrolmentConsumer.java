package vn.gov.training.personnel.messaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.personnel.nationalsync.service.NationalChanges;
import vn.gov.training.personnel.nationalsync.service.NationalFileFormat;
import vn.gov.training.personnel.service.PersonRecords;
import vn.gov.training.personnel.service.QualificationService;
import vn.gov.training.personnel.service.SuccessionPlanService;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.platform.inbox.IdempotentConsumer;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Reacts to enrolment-service's events: a completed class is a training turn for the person's national file and, when
 * it grants a level, records it (source ENROLMENT, once per enrolment); a failed or withdrawn enrolment flags the person's active succession plans for review.
 */
@ApplicationScoped
public class EnrolmentConsumer {

    private static final Logger LOG = Logger.getLogger(EnrolmentConsumer.class);
    /** The enrolment events this consumer acts on: a result or a withdrawal. */
    private static final Set<String> RESULTS = Set.of("completed", "failed", "withdrawn");

    /**
     * The fields of enrolment events this consumer uses; {@code institutionCode} and {@code institutionName} were added
     * later and are null in older events.
     */
    public record EnrolmentData(String enrolmentId, String personnelId, String status, GrantsLevel grantsLevel,
                                String credentialNumber, LocalDate credentialIssuedOn, LocalDate completedOn,
                                LocalDate withdrawnOn, LocalDate effectiveOn, String reason, String classId,
                                String programId, String category, String level, String institutionCode,
                                String institutionName, String deliveryMode, String location, LocalDate startDate, LocalDate endDate,
                                String grade) {
    }

    public record GrantsLevel(String kind, String level) {
    }

    private final IdempotentConsumer consumer;
    private final EventReader reader;
    private final QualificationService qualifications;
    private final SuccessionPlanService plans;
    private final NationalChanges nationalChanges;

    EnrolmentConsumer(IdempotentConsumer consumer, EventReader reader, QualificationService qualifications,
                      SuccessionPlanService plans, NationalChanges nationalChanges) {
        this.consumer = consumer;
        this.reader = reader;
        this.qualifications = qualifications;
        this.plans = plans;
        this.nationalChanges = nationalChanges;
    }

    @Incoming("enrolment")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("personnel-enrolment", batch, events -> {
            List<Result> results = new ArrayList<>();
            for (EventEnvelope event : events) {
                if (RESULTS.contains(event.eventName())) {
                    results.add(new Result(event, reader.read(event, EnrolmentData.class)));
                }
            }
            applyAll(results);
        });
    }

    /** A result or withdrawal event with its data, read once. */
    private record Result(EventEnvelope event, EnrolmentData data) {
    }

    /**
     * Applies a batch's results in their order, in the idempotent consumer's transaction. The people they name are
     * locked, and their records and the national file's sections of the batch's turns read, once for the batch rather
     * than once per event; the batch's writes go out in JDBC batches when the transaction commits.
     */
    private void applyAll(List<Result> results) {
        Set<UUID> named = new TreeSet<>();
        List<NationalChanges.Turn> turns = new ArrayList<>();
        results.forEach(r -> {
            UUID id = uuid(r.data().personnelId());
            if (id != null) {
                named.add(id);
                if (r.event().eventName().equals("completed")) {
                    turns.add(new NationalChanges.Turn(id, turnOf(r.event(), r.data())));
                }
            }
        });
        if (named.isEmpty()) {
            return;
        }
        qualifications.lockQualificationsOf(named);
        Map<UUID, Person> people = new HashMap<>();
        Person.<Person>list("id in ?1", named).forEach(p -> people.put(p.id, p));
        PersonRecords records = PersonRecords.of(people.keySet());
        NationalChanges.Recorded national = nationalChanges.lastRecorded(turns);
        for (Result result : results) {
            Person person = people.get(uuid(result.data().personnelId()));
            if (person == null) {
                // not a person of this service (e.g. another system's test data): nothing to do
                LOG.debugf("Enrolment event %s names an unknown person; ignored", result.event().id());
                continue;
            }
            apply(result.event(), result.data(), person, records, national);
        }
    }

    private void apply(EventEnvelope event, EnrolmentData data, Person person, PersonRecords records,
                       NationalChanges.Recorded national) {
        String name = event.eventName();
        String actor = "event:" + event.type();
        if (name.equals("completed")) {
            String turn = turnOf(event, data);
            nationalChanges.trainingCompleted(person, new NationalFileFormat.CompletedTraining(turn, data.programId(),
                    data.classId(), data.category(), data.level(), data.institutionCode(), data.institutionName(),
                    data.deliveryMode(),
                    data.location(), data.startDate(), data.endDate(), data.completedOn(), data.grade(),
                    data.credentialNumber(), data.credentialIssuedOn()), national);
            if (data.grantsLevel() == null) {
                return;
            }
            QualificationKind kind = QualificationKind.parse(data.grantsLevel().kind());
            if (kind == null || !kind.accepts(data.grantsLevel().level())) {
                throw new PoisonEventException("enrolment " + data.enrolmentId() + " grants an unknown level "
                        + data.grantsLevel());
            }
            LocalDate awardedOn = firstOf(data.credentialIssuedOn(), data.completedOn(), data.effectiveOn());
            if (awardedOn == null) {
                awardedOn = event.time() != null ? event.time().toLocalDate() : ProvinceTime.today();
            }
            qualifications.recordFromEnrolment(person, turn, new QualificationService.NewQualification(
                    kind, data.grantsLevel().level(), awardedOn, null, data.credentialNumber()), actor, records);
        } else {
            String reason = (name.equals("failed") ? "ENROLMENT_FAILED" : "ENROLMENT_WITHDRAWN")
                    + (data.enrolmentId() != null ? " " + data.enrolmentId() : "")
                    + (data.reason() != null ? ": " + data.reason() : "");
            plans.flagForReview(person, reason.length() > 300 ? reason.substring(0, 300) : reason, actor, records);
        }
    }

    /** The training turn a completed event names: its enrolment (the event's key in older events). */
    private static String turnOf(EventEnvelope event, EnrolmentData data) {
        return data.enrolmentId() != null ? data.enrolmentId() : event.key();
    }

    private static UUID uuid(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static LocalDate firstOf(LocalDate... dates) {
        for (LocalDate d : dates) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
