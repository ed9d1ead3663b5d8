package vn.gov.training.enrolment.service;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.platform.calendar.CalendarFeed;

/**
 * A person's calendar: the sessions of the classes they are approved for, attend or attended, from this service's
 * copies of the classes. A session with start and end times is a timed event (Asia/Ho_Chi_Minh with a VTIMEZONE),
 * one copied without times an all-day event; a class without sessions is one all-day event over its dates.
 * UIDs are those of course-service's class calendar (session id, or class id), so a person subscribed to both
 * sees each event once. A cancelled class's events are STATUS:CANCELLED.
 */
@ApplicationScoped
public class PersonCalendar {

    static final List<EnrolmentStatus> ON_CALENDAR =
            List.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS, EnrolmentStatus.COMPLETED);

    public String of(UUID personnelId) {
        PersonCopy person = PersonCopy.findById(personnelId);
        Calendar cal = CalendarFeed.publish("-//training.gov.vn//enrolment-service//VI",
                "Lịch học" + (person == null ? "" : " - " + person.fullName));
        List<Enrolment> enrolments = Enrolment.list("personnelId = ?1 and status in ?2 order by startDate",
                personnelId, ON_CALENDAR);
        for (Enrolment e : enrolments) {
            ClassCopy c = ClassCopy.findById(e.classId);
            if (c == null || c.startDate == null || c.endDate == null) {
                continue;
            }
            if (c.sessions.isEmpty()) {
                VEvent event = event(c, c.classId.toString(), name(c));
                event.add(new DtStart<>(c.startDate));
                event.add(new DtEnd<>(c.endDate.plusDays(1)));
                cal.add(close(event, c));
            }
            for (Refs.Session s : c.sessions) {
                VEvent event = event(c, s.sessionId(), name(c) + (s.topic() == null ? "" : ": " + s.topic()));
                if (s.startTime() != null && s.endTime() != null) {
                    event.add(new DtStart<>(CalendarFeed.local(LocalDateTime.of(s.date(), s.startTime()))));
                    event.add(new DtEnd<>(CalendarFeed.local(LocalDateTime.of(s.date(), s.endTime()))));
                } else {
                    event.add(new DtStart<>(s.date()));
                    event.add(new DtEnd<>(s.date().plusDays(1)));
                }
                cal.add(close(event, c));
            }
        }
        return CalendarFeed.write(cal);
    }

    private static String name(ClassCopy c) {
        return c.program == null || c.program.name() == null ? c.code : c.program.name();
    }

    private static VEvent event(ClassCopy c, String uid, String summary) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid + "@training.gov.vn"));
        event.add(new DtStamp(c.updatedAt.toInstant()));
        CalendarFeed.addText(event, Summary::new, summary);
        return event;
    }

    private static VEvent close(VEvent event, ClassCopy c) {
        CalendarFeed.addText(event, Location::new, c.venue);
        CalendarFeed.addText(event, Description::new, "Lớp " + c.code);
        event.add(new Status("CANCELLED".equals(c.status) ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return event;
    }
}
