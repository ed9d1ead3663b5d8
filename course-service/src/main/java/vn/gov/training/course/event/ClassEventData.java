package vn.gov.training.course.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.ClassSession;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.FundingShare;
import vn.gov.training.course.domain.Institution;

/**
 * Data of {@code class.*} events: the class's full state with the programme as of the version it uses, and the
 * institution's code and name (as the institution is named when the event is published).
 */
public record ClassEventData(UUID classId, String code, ProgramEventData program, String institutionCode,
                             String institutionName, String organisingUnitCode, String location, String country, String venue,
                             LocalDate startDate, LocalDate endDate, int capacity, int minCapacity,
                             LocalDate registrationOpensOn, LocalDate registrationClosesOn, long costPerLearnerVnd,
                             List<FundingShare> funding, String status, String cancelReason,
                             List<Session> sessions) {

    public record Session(UUID sessionId, LocalDate date, LocalTime startTime, LocalTime endTime, String topic,
                          String lecturer) {

        public static Session of(ClassSession s) {
            return new Session(s.id, s.date, s.startTime, s.endTime, s.topic, s.lecturer);
        }
    }

    public static ClassEventData of(CourseClass c, ProgramEventData program) {
        Institution institution = c.institutionCode == null ? null : Institution.findById(c.institutionCode);
        return new ClassEventData(c.id, c.code, program, c.institutionCode,
                institution == null ? null : institution.name, c.organisingUnitCode, c.location.name(),
                c.country, c.venue, c.startDate, c.endDate, c.capacity, c.minCapacity, c.registrationOpensOn,
                c.registrationClosesOn, c.costPerLearnerVnd, c.funding, c.status.name(), c.cancelReason,
                c.sessions.stream().map(Session::of).toList());
    }
}
