package vn.gov.training.course.service;

import java.time.LocalDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.course.domain.ClassSession;
import vn.gov.training.course.domain.ClassStatus;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.Institution;
import vn.gov.training.course.event.ProgramEventData;
import vn.gov.training.platform.calendar.ICalendar;

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
        ICalendar cal = new ICalendar()
                .begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//training.gov.vn//course-service//VI")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", program.name() + " (" + c.code + ")")
                .raw("X-WR-TIMEZONE", ICalendar.TZID)
                .vietnamTimeZone();
        if (c.sessions.isEmpty()) {
            cal.begin("VEVENT")
                    .text("UID", c.id + "@training.gov.vn")
                    .utc("DTSTAMP", c.updatedAt)
                    .date("DTSTART", c.startDate)
                    .date("DTEND", c.endDate.plusDays(1))
                    .raw("SEQUENCE", Integer.toString(c.revision))
                    .text("SUMMARY", program.name())
                    .text("LOCATION", c.venue)
                    .text("DESCRIPTION", description(c, null, institutionName))
                    .raw("STATUS", c.status == ClassStatus.CANCELLED ? "CANCELLED" : "CONFIRMED")
                    .end("VEVENT");
        }
        for (ClassSession s : c.sessions) {
            cal.begin("VEVENT")
                    .text("UID", s.id + "@training.gov.vn")
                    .utc("DTSTAMP", c.updatedAt)
                    .local("DTSTART", LocalDateTime.of(s.date, s.startTime))
                    .local("DTEND", LocalDateTime.of(s.date, s.endTime))
                    .raw("SEQUENCE", Integer.toString(c.revision))
                    .text("SUMMARY", program.name() + ": " + s.topic)
                    .text("LOCATION", c.venue)
                    .text("DESCRIPTION", description(c, s, institutionName))
                    .raw("STATUS", c.status == ClassStatus.CANCELLED ? "CANCELLED" : "CONFIRMED")
                    .end("VEVENT");
        }
        return cal.end("VCALENDAR").toString();
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
