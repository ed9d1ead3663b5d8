package vn.gov.training.enrolment.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.NotificationKind;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.enrolment.event.CommitmentEventData;
import vn.gov.training.enrolment.event.EnrolmentEventData;
import vn.gov.training.enrolment.event.RepaymentEventData;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.EventTypes;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Turns facts into notifications. Runs in the consumer's transaction for the {@code enrolment} topic (this
 * service's own events: decisions, outcomes, commitments, repayments) and the {@code course} topic (changes of a
 * class's schedule). Each fact is keyed by what it is about (the enrolment for a decision or an outcome, the
 * commitment, the repayment case, the class event), so it is notified once. News only: a decision about a class
 * that has ended and an outcome dated more than {@code training.notifications.outcome-news-days} ago (a historical
 * turn imported or back-filled) are not mailed.
 */
@ApplicationScoped
public class NotificationPlanner {

    /**
     * The fields of course-service's {@code class.*} events the notifications use (this consumer's own record of
     * them; the event's other fields are ignored): who the class is, and its schedule.
     */
    public record ClassSchedule(UUID classId, String code, Refs.Program program, String venue, LocalDate startDate,
                                LocalDate endDate, List<Refs.Session> sessions) {
    }

    private final EventReader reader;
    private final Notifications notifications;
    private final EntityManager entityManager;

    @ConfigProperty(name = "training.notifications.outcome-news-days", defaultValue = "30")
    int outcomeNewsDays;

    NotificationPlanner(EventReader reader, Notifications notifications, EntityManager entityManager) {
        this.reader = reader;
        this.notifications = notifications;
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            switch (EventTypes.aggregate(event.type())) {
                case "enrolment" -> enrolment(event, reader.read(event, EnrolmentEventData.class));
                case "commitment" -> commitment(event, reader.read(event, CommitmentEventData.class));
                case "repayment" -> repayment(event, reader.read(event, RepaymentEventData.class));
                case "class" -> classChanged(event, reader.read(event, ClassSchedule.class));
                default -> {
                    // programmes, plans: nothing to tell anyone
                }
            }
        }
    }

    /**
     * A decision about a class still ahead, or a recent outcome, is news for the person. The class and the person
     * (with the JSON of qualifications, ratings and planned titles) are read only for an event that can be news
     * ({@link #mayBeNews}): a historical turn's events are not, and reading them cost queries and parsing per turn.
     */
    private void enrolment(EventEnvelope event, EnrolmentEventData e) {
        LocalDate today = ProvinceTime.today();
        String name = event.eventName();
        if (e.enrolmentId() == null || e.personnelId() == null || e.classId() == null
                || !mayBeNews(name, e, today)) {
            return;
        }
        ClassCopy cls = ClassCopy.findById(e.classId());
        boolean outcome = name.equals("completed") || name.equals("failed");
        if (cls == null || !outcome && cls.endDate != null && cls.endDate.isBefore(today)) {
            return; // a decision about a class that has ended is no news
        }
        PersonCopy person = PersonCopy.findById(e.personnelId());
        if (person == null) {
            return;
        }
        NotificationKind kind = switch (name) {
            case "approved" -> NotificationKind.NOMINATION_APPROVED;
            case "rejected" -> NotificationKind.NOMINATION_REJECTED;
            case "waitlisted" -> NotificationKind.NOMINATION_WAITLISTED;
            case "promoted" -> NotificationKind.WAITLIST_PROMOTED;
            case "withdrawn" -> NotificationKind.CLASS_CANCELLED;
            default -> NotificationKind.RESULT_ISSUED;
        };
        NotificationTexts.Text text = switch (name) {
            case "approved" -> NotificationTexts.approved(person, cls);
            case "rejected" -> NotificationTexts.rejected(person, cls, e.reason());
            case "waitlisted" -> NotificationTexts.waitlisted(person, cls);
            case "promoted" -> NotificationTexts.promoted(person, cls);
            case "withdrawn" -> NotificationTexts.cancelled(person, cls);
            case "completed" -> NotificationTexts.completed(person, cls, e.grade(), e.credentialNumber(),
                    e.credentialIssuedOn());
            default -> NotificationTexts.failed(person, cls, e.reason());
        };
        notifications.record(kind, e.enrolmentId().toString(), person, text);
    }

    /**
     * Whether the event can be news, from the event alone: the class is read only for those (reading it for every
     * event of a history import, old outcomes all, took 8.5 % of enrolment-service's CPU during the import).
     */
    private boolean mayBeNews(String eventName, EnrolmentEventData e, LocalDate today) {
        return switch (eventName) {
            case "approved", "rejected", "waitlisted", "promoted" -> true;
            case "withdrawn" -> "class-cancelled".equals(e.reason()); // other withdrawals: the unit tells them
            case "completed" -> isNews(e.completedOn(), today);
            case "failed" -> isNews(e.effectiveOn(), today);
            default -> false;
        };
    }

    private boolean isNews(LocalDate on, LocalDate today) {
        return on == null || !on.isBefore(today.minusDays(outcomeNewsDays));
    }

    private void commitment(EventEnvelope event, CommitmentEventData c) {
        if (!"breached".equals(event.eventName()) || c.commitmentId() == null) {
            return;
        }
        PersonCopy person = PersonCopy.findById(c.personnelId());
        Enrolment enrolment = c.enrolmentId() == null ? null : Enrolment.findById(c.enrolmentId());
        ClassCopy cls = enrolment == null ? null : ClassCopy.findById(enrolment.classId);
        if (person == null || cls == null) {
            return;
        }
        notifications.record(NotificationKind.COMMITMENT_BREACHED, c.commitmentId().toString(), person,
                NotificationTexts.breached(person, cls, c.startsOn(), c.endsOn(), c.months(), c.closedOn()));
    }

    private void repayment(EventEnvelope event, RepaymentEventData r) {
        if (!"decided".equals(event.eventName()) || r.caseId() == null) {
            return;
        }
        PersonCopy person = PersonCopy.findById(r.personnelId());
        Enrolment enrolment = r.enrolmentId() == null ? null : Enrolment.findById(r.enrolmentId());
        ClassCopy cls = enrolment == null ? null : ClassCopy.findById(enrolment.classId);
        if (person == null || cls == null) {
            return;
        }
        notifications.record(NotificationKind.REPAYMENT_DECIDED, r.caseId().toString(), person,
                NotificationTexts.repaymentDecided(person, cls, r.amountVnd(), r.decisionNumber(), r.decidedOn()));
    }

    /**
     * A class's schedule (dates, venue, sessions) as last seen is kept; a {@code changed} event with another
     * schedule tells its approved and in-progress learners, keyed by the event.
     */
    private void classChanged(EventEnvelope event, ClassSchedule data) {
        if (data.classId() == null) {
            return;
        }
        List<Refs.Session> sessions = data.sessions() == null ? List.of() : data.sessions();
        String fingerprint = fingerprint(data, sessions);
        String previous = (String) entityManager.createNativeQuery(
                        "select fingerprint from notification_class_schedule where class_id = ?1 for update")
                .setParameter(1, data.classId()).getResultStream().findFirst().orElse(null);
        entityManager.createNativeQuery("""
                        insert into notification_class_schedule (class_id, fingerprint, seen_at) values (?1, ?2, ?3)
                        on conflict (class_id) do update set fingerprint = excluded.fingerprint,
                                                             seen_at = excluded.seen_at""")
                .setParameter(1, data.classId()).setParameter(2, fingerprint)
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        if (previous == null || previous.equals(fingerprint) || !"changed".equals(event.eventName())
                || (data.endDate() != null && data.endDate().isBefore(ProvinceTime.today()))) {
            return;
        }
        ClassCopy shown = new ClassCopy();
        shown.classId = data.classId();
        shown.code = data.code();
        shown.program = data.program();
        shown.venue = data.venue();
        shown.startDate = data.startDate();
        shown.endDate = data.endDate();
        List<Enrolment> learners = Enrolment.list("classId = ?1 and status in ?2", data.classId(),
                List.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS));
        for (Enrolment learner : learners) {
            PersonCopy person = PersonCopy.findById(learner.personnelId);
            if (person != null) {
                notifications.record(NotificationKind.CLASS_RESCHEDULED, "class-event:" + event.id(), person,
                        NotificationTexts.rescheduled(person, shown, sessions));
            }
        }
    }

    private static String fingerprint(ClassSchedule data, List<Refs.Session> sessions) {
        StringBuilder text = new StringBuilder().append(data.startDate()).append('|').append(data.endDate())
                .append('|').append(Objects.toString(data.venue(), ""));
        for (Refs.Session s : sessions) {
            text.append('|').append(s.date()).append(' ').append(s.startTime()).append('-').append(s.endTime());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
