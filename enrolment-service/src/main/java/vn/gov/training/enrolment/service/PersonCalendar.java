package vn.gov.training.enrolment.service;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.platform.calendar.ICalendar;

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
        ICalendar cal = new ICalendar()
                .begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//training.gov.vn//enrolment-service//VI")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Lịch học" + (person == null ? "" : " - " + person.fullName))
                .raw("X-WR-TIMEZONE", ICalendar.TZID)
                .vietnamTimeZone();
        List<Enrolment> enrolments = Enrolment.list("personnelId = ?1 and status in ?2 order by startDate",
                personnelId, ON_CALENDAR);
        for (Enrolment e : enrolments) {
            ClassCopy c = ClassCopy.findById(e.classId);
            if (c == null || c.startDate == null || c.endDate == null) {
                continue;
            }
            if (c.sessions.isEmpty()) {
                event(cal, c, c.classId.toString(), name(c));
                cal.date("DTSTART", c.startDate).date("DTEND", c.endDate.plusDays(1));
                close(cal, c);
            }
            for (Refs.Session s : c.sessions) {
                event(cal, c, s.sessionId(), name(c) + (s.topic() == null ? "" : ": " + s.topic()));
                if (s.startTime() != null && s.endTime() != null) {
                    cal.local("DTSTART", LocalDateTime.of(s.date(), s.startTime()))
                            .local("DTEND", LocalDateTime.of(s.date(), s.endTime()));
                } else {
                    cal.date("DTSTART", s.date()).date("DTEND", s.date().plusDays(1));
                }
                close(cal, c);
            }
        }
        return cal.end("VCALENDAR").toString();
    }

    private static String name(ClassCopy c) {
        return c.program == null || c.program.name() == null ? c.code : c.program.name();
    }

    private static void event(ICalendar cal, ClassCopy c, String uid, String summary) {
        cal.begin("VEVENT")
                .text("UID", uid + "@training.gov.vn")
                .utc("DTSTAMP", c.updatedAt)
                .text("SUMMARY", summary);
    }

    private static void close(ICalendar cal, ClassCopy c) {
        cal.text("LOCATION", c.venue)
                .text("DESCRIPTION", "Lớp " + c.code)
                .raw("STATUS", "CANCELLED".equals(c.status) ? "CANCELLED" : "CONFIRMED")
                .end("VEVENT");
    }
}
