package vn.gov.training.course.service;

import java.time.LocalDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import vn.gov.training.course.domain.ClassSession;
import vn.gov.training.course.domain.ClassStatus;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.Institution;
import vn.gov.training.course.event.ProgramEventData;
import vn.gov.training.platform.calendar.CalendarFeed;

/**
 * A class's sessions as an iCalendar feed for learners' calendars: one VEVENT per session, UID = the session id
 * (stable across edits), SEQUENCE = the class's revision, STATUS:CANCELLED once the class is cancelled. Times are
 * province local times ({@code TZID=Asia/Ho_Chi_Minh}, VTIMEZONE included). A class without sessions yields one
 * all-day event over its dates (UID = the class id).
 */
@ApplicationScoped
public class ClassCalendar {

    public String of(CourseClass c, ProgramEventData program) {
        Institution institution = Institution.findById(c.institutionCode);
        String institutionName = institution == null ? c.institutionCode : institution.name;
        Calendar cal = CalendarFeed.publish("-//training.gov.vn//course-service//VI",
                program.name() + " (" + c.code + ")");
        if (c.sessions.isEmpty()) {
            VEvent event = event(c, c.id.toString());
            event.add(new DtStart<>(c.startDate));
            event.add(new DtEnd<>(c.endDate.plusDays(1)));
            describe(event, c, program.name(), description(c, null, institutionName));
            cal.add(event);
        }
        for (ClassSession s : c.sessions) {
            VEvent event = event(c, s.id.toString());
            event.add(new DtStart<>(CalendarFeed.local(LocalDateTime.of(s.date, s.startTime))));
            event.add(new DtEnd<>(CalendarFeed.local(LocalDateTime.of(s.date, s.endTime))));
            describe(event, c, program.name() + ": " + s.topic, description(c, s, institutionName));
            cal.add(event);
        }
        return CalendarFeed.write(cal);
    }

    private static VEvent event(CourseClass c, String uid) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid + "@training.gov.vn"));
        event.add(new DtStamp(c.updatedAt.toInstant()));
        return event;
    }

    private static void describe(VEvent event, CourseClass c, String summary, String description) {
        event.add(new Sequence(c.revision));
        CalendarFeed.addText(event, Summary::new, summary);
        CalendarFeed.addText(event, Location::new, c.venue);
        CalendarFeed.addText(event, Description::new, description);
        event.add(new Status(c.status == ClassStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
    }

    private static String description(CourseClass c, ClassSession s, String institutionName) {
        StringBuilder text = new StringBuilder("Lớp ").append(c.code).append('\n')
                .append("Cơ sở đào tạo: ").append(institutionName);
        if (s != null && s.lecturer != null) {
            text.append('\n').append("Giảng viên: ").append(s.lecturer);
        }
        if (c.status == ClassStatus.CANCELLED && c.cancelReason != null) {
            text.append('\n').append("Lớp đã hủy: ").append(c.cancelReason);
        }
        return text.toString();
    }
}
