package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.NotificationKind;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.platform.persistence.DueRows;
import vn.gov.training.platform.resilience.SkipsDuringOutage;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The notifications that come from the calendar rather than from an event, checked on a schedule
 * ({@code training.notifications.reminder-interval}, default 1h; {@code off} disables it on an instance):
 * <ul>
 * <li>an overseas trainee back for at most 60 days without a return report: reminded once that it is due within 15 days
 * of the return (fact: the enrolment);</li>
 * <li>in the last quarter, each active person whose completed training of the year adds up to fewer periods than the
 * yearly minimum of the rule set in force for their staff category: told once a year (fact: the year).</li>
 * </ul>
 * Idempotent (a fact already recorded is skipped by the query and by the notification's unique key, which also keeps
 * two instances running it at once from recording a fact twice); each batch is a transaction of its own.
 */
@ApplicationScoped
public class NotificationReminders {

    private static final Logger LOG = Logger.getLogger(NotificationReminders.class);
    private static final int BATCH = 200;
    static final int RETURN_REPORT_DAYS = 15;
    static final int RETURN_REMINDER_WINDOW_DAYS = 60;

    private final Notifications notifications;
    private final EntityManager entityManager;

    NotificationReminders(Notifications notifications, EntityManager entityManager) {
        this.notifications = notifications;
        this.entityManager = entityManager;
    }

    @SkipsDuringOutage
    @Scheduled(identity = "notification-reminders", every = "${training.notifications.reminder-interval:1h}",
            delayed = "${training.notifications.reminder-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int recorded = run(ProvinceTime.today());
        if (recorded > 0) {
            LOG.infof("%d reminder(s) recorded", recorded);
        }
    }

    /** Records the reminders due on {@code today}; returns how many facts were looked at. */
    public int run(LocalDate today) {
        int done = DueRows.drain(BATCH, () -> returnReports(today));
        if (today.getMonthValue() >= 10) {
            // batch after batch in the order of the people, each one from where the one before it stopped: without
            // that, each batch would walk again past everyone told in the batches before it
            UUID[] after = {new UUID(0, 0)};
            done += DueRows.drain(BATCH, () -> shortfalls(today, after));
        }
        return done;
    }

    @SuppressWarnings("unchecked")
    private int returnReports(LocalDate today) {
        List<Enrolment> due = entityManager.createNativeQuery("""
                        select e.* from enrolment e
                        where e.location = 'OVERSEAS' and e.returned_on is not null
                          and e.return_report_submitted_on is null and e.returned_on between ?1 and ?2
                          and exists (select 1 from person_copy p where p.personnel_id = e.personnel_id)
                          and exists (select 1 from class_copy c where c.class_id = e.class_id)
                          and not exists (select 1 from notification n where n.kind = 'RETURN_REPORT_DUE'
                                          and n.fact_key = cast(e.id as text) and n.personnel_id = e.personnel_id)
                        order by e.returned_on, e.id limit ?3""", Enrolment.class)
                .setParameter(1, today.minusDays(RETURN_REMINDER_WINDOW_DAYS)).setParameter(2, today)
                .setParameter(3, BATCH).getResultList();
        for (Enrolment e : due) {
            PersonCopy person = PersonCopy.findById(e.personnelId);
            ClassCopy cls = ClassCopy.findById(e.classId);
            notifications.record(NotificationKind.RETURN_REPORT_DUE, e.id.toString(), person,
                    NotificationTexts.returnReportDue(person, cls, e.returnedOn,
                            e.returnedOn.plusDays(RETURN_REPORT_DAYS)));
        }
        return due.size();
    }

    /**
     * The active people whose retraining periods completed in the year fall short of the minimum of the rule set in
     * force for their staff category on {@code today}. Degree training (a programme granting an education degree or
     * the bachelor of politics) does not count, as in the yearly-minimum report; a category without a rule set in
     * force has no minimum. Looks at the people after {@code after[0]} (in id order) and moves it to the last one
     * looked at.
     */
    @SuppressWarnings("unchecked")
    private int shortfalls(LocalDate today, UUID[] after) {
        int year = today.getYear();
        String fact = Integer.toString(year);
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select p.personnel_id, d.periods, r.yearly_minimum_periods from person_copy p
                        join lateral (select r.yearly_minimum_periods from rule_set r
                                      where r.staff_category = p.category and r.effective_from <= ?5
                                        and (r.effective_to is null or r.effective_to >= ?5)
                                      order by r.effective_from desc limit 1) r on true
                        cross join lateral (select coalesce(sum(coalesce(e.periods_attended,
                                                cast(c.program ->> 'periods' as int), 0)), 0) periods
                                            from enrolment e join class_copy c on c.class_id = e.class_id
                                            where e.personnel_id = p.personnel_id and e.status = 'COMPLETED'
                                              and e.completed_on between ?1 and ?2
                                              and coalesce(e.grants_kind, '') <> 'EDUCATION'
                                              and coalesce(e.grants_level, '') <> 'BACHELOR_OF_POLITICS') d
                        where p.status = 'ACTIVE' and p.personnel_id > ?6 and d.periods < r.yearly_minimum_periods
                          and not exists (select 1 from notification n where n.kind = 'YEARLY_MINIMUM_SHORTFALL'
                                          and n.fact_key = ?3 and n.personnel_id = p.personnel_id)
                        order by p.personnel_id limit ?4""")
                .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year, 12, 31))
                .setParameter(3, fact).setParameter(4, BATCH).setParameter(5, today).setParameter(6, after[0]).getResultList();
        for (Object[] row : rows) {
            after[0] = (UUID) row[0];
            PersonCopy person = PersonCopy.findById((UUID) row[0]);
            notifications.record(NotificationKind.YEARLY_MINIMUM_SHORTFALL, fact, person, NotificationTexts.shortfall(
                    person, year, ((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return rows.size();
    }
}
