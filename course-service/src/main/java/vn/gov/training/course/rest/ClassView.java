package vn.gov.training.course.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.ClassStatus;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.FundingShare;
import vn.gov.training.course.domain.Location;
import vn.gov.training.course.event.ClassEventData;
import vn.gov.training.course.event.ProgramEventData;
import vn.gov.training.platform.time.ProvinceTime;

/** A class with the programme as of the version it was scheduled with. */
public record ClassView(UUID id, String code, ProgramEventData program, String institutionCode,
                        String organisingUnitCode, Location location, String country, String venue,
                        LocalDate startDate, LocalDate endDate, int capacity, int minCapacity,
                        LocalDate registrationOpensOn, LocalDate registrationClosesOn, boolean openForRegistration,
                        long costPerLearnerVnd, List<FundingShare> funding, ClassStatus status, String cancelReason,
                        List<ClassEventData.Session> sessions, int revision, OffsetDateTime updatedAt) {

    static ClassView of(CourseClass c, ProgramEventData program) {
        return new ClassView(c.id, c.code, program, c.institutionCode, c.organisingUnitCode, c.location, c.country,
                c.venue, c.startDate, c.endDate, c.capacity, c.minCapacity, c.registrationOpensOn,
                c.registrationClosesOn, c.isOpenForRegistration(ProvinceTime.today()), c.costPerLearnerVnd,
                c.funding, c.status, c.cancelReason, c.sessions.stream().map(ClassEventData.Session::of).toList(), c.revision, c.updatedAt);
    }
}
