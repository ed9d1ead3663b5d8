package vn.gov.training.course.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.ClassSession;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.FundingShare;

/** Data of {@code class.*} events: the class's full state with the programme as of the version it uses. */
public record ClassEventData(UUID classId, String code, ProgramEventData program, String institutionCode,
                             String organisingUnitCode, String location, String country, String venue,
                             LocalDate startDate, LocalDate endDate, int capacity, int minCapacity,
                             LocalDate registrationOpensOn, LocalDate registrationClosesOn, long costPerLearnerVnd,
                             List<FundingShare> funding, String status, String cancelReason,
                             List<Session> sessions) {

    public record Session(UUID sessionId, LocalDate date, LocalTime startTime, LocalTime endTime, String topic,
                          String lecturer) {

        static Session of(ClassSession s) {
            return new Session(s.id, s.date, s.startTime, s.endTime, s.topic, s.lecturer);
        }
    }

    public static ClassEventData of(CourseClass c, ProgramEventData program) {
        return new ClassEventData(c.id, c.code, program, c.institutionCode, c.organisingUnitCode, c.location.name(),
                c.country, c.venue, c.startDate, c.endDate, c.capacity, c.minCapacity, c.registrationOpensOn,
                c.registrationClosesOn, c.costPerLearnerVnd, c.funding, c.status.name(), c.cancelReason,
                c.sessions.stream().map(Session::of).toList());
    }
}
