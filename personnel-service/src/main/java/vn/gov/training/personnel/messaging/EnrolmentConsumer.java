package vn.gov.training.personnel.messaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.personnel.nationalsync.service.NationalChanges;
import vn.gov.training.personnel.nationalsync.service.NationalFileFormat;
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
    private final EntityManager entityManager;

    EnrolmentConsumer(IdempotentConsumer consumer, EventReader reader, QualificationService qualifications,
                      SuccessionPlanService plans, NationalChanges nationalChanges, EntityManager entityManager) {
        this.consumer = consumer;
        this.reader = reader;
        this.qualifications = qualifications;
        this.plans = plans;
        this.nationalChanges = nationalChanges;
        this.entityManager = entityManager;
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
            for (Result result : results) {
                apply(result.event(), result.data());
                // Each event's queries flush the session first, and a flush checks every entity it holds: writing
                // each event out and starting the next with an empty session keeps a batch linear in its size.
                entityManager.flush();
                entityManager.clear();
            }
        });
    }

    /** A result or withdrawal event with its data, read once. */
    private record Result(EventEnvelope event, EnrolmentData data) {
    }

    /** Runs in the idempotent consumer's transaction. */
    private void apply(EventEnvelope event, EnrolmentData data) {
        String name = event.eventName();
        Person person = person(data.personnelId());
        if (person == null) {
            // not a person of this service (e.g. another system's test data): nothing to do
            LOG.debugf("Enrolment event %s names an unknown person; ignored", event.id());
            return;
        }
        String actor = "event:" + event.type();
        if (name.equals("completed")) {
            String turn = data.enrolmentId() != null ? data.enrolmentId() : event.key();
            nationalChanges.trainingCompleted(person, new NationalFileFormat.CompletedTraining(turn, data.programId(),
                    data.classId(), data.category(), data.level(), data.institutionCode(), data.institutionName(),
                    data.deliveryMode(),
                    data.location(), data.startDate(), data.endDate(), data.completedOn(), data.grade(),
                    data.credentialNumber(), data.credentialIssuedOn()));
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
            String enrolmentId = data.enrolmentId() != null ? data.enrolmentId() : event.key();
            qualifications.recordFromEnrolment(person, enrolmentId, new QualificationService.NewQualification(
                    kind, data.grantsLevel().level(), awardedOn, null, data.credentialNumber()), actor);
        } else {
            String reason = (name.equals("failed") ? "ENROLMENT_FAILED" : "ENROLMENT_WITHDRAWN")
                    + (data.enrolmentId() != null ? " " + data.enrolmentId() : "")
                    + (data.reason() != null ? ": " + data.reason() : "");
            plans.flagForReview(person, reason.length() > 300 ? reason.substring(0, 300) : reason, actor);
        }
    }

    private static Person person(String id) {
        UUID uuid = uuid(id);
        return uuid == null ? null : Person.findById(uuid);
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
