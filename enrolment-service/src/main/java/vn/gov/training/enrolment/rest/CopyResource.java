package vn.gov.training.enrolment.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.ProgramCopy;
import vn.gov.training.enrolment.service.LocalCopies;
import vn.gov.training.platform.security.Roles;

/**
 * What the local copies hold (no personal data beyond the name): lets admins, the demo loader and tests see that
 * the copies have caught up with the events.
 */
@Tag(name = "Vận hành", description = "Thao tác cho người vận hành: bản sao dữ liệu từ sự kiện, thư chết, dựng lại. / Operator operations.")
@Path("/api")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
public class CopyResource {

    private final LocalCopies copies;

    CopyResource(LocalCopies copies) {
        this.copies = copies;
    }

    public record PersonCopyView(UUID personnelId, String fullName, String orgUnitCode, String category,
                                 String status) {
    }

    public record ClassCopyView(UUID classId, String code, UUID programId, String programName, String status,
                                int capacity, String institutionCode, LocalDate startDate, LocalDate endDate,
                                boolean historical) {
    }

    public record ProgramCopyView(UUID programId, String code, String name, String category, String level,
                                  String status) {
    }

    @Operation(summary = "Bản sao hồ sơ cán bộ tại dịch vụ cử đi học",
            description = "Bản sao cục bộ (dựng từ sự kiện) của một cán bộ mà dịch vụ dùng để xét điều kiện: để đối chiếu khi vận hành.\n\n*English:* The local, event-fed copy of a person used for eligibility (for operators).")
    @GET
    @Path("/person-copy/{personnelId}")
    public PersonCopyView person(@PathParam("personnelId") UUID personnelId) {
        PersonCopy p = copies.person(personnelId);
        return new PersonCopyView(p.personnelId, p.fullName, p.orgUnitCode, p.category, p.status);
    }

    @Operation(summary = "Bản sao lớp học tại dịch vụ cử đi học",
            description = "Bản sao cục bộ (dựng từ sự kiện) của một lớp học: để đối chiếu khi vận hành.\n\n*English:* The local, event-fed copy of a class (for operators).")
    @GET
    @Path("/class-copy/{classId}")
    public ClassCopyView cls(@PathParam("classId") UUID classId) {
        ClassCopy c = copies.cls(classId);
        return new ClassCopyView(c.classId, c.code, c.programId, c.program == null ? null : c.program.name(),
                c.status, c.capacity, c.institutionCode, c.startDate, c.endDate, c.historical);
    }

    @Operation(summary = "Bản sao chương trình tại dịch vụ cử đi học",
            description = "Bản sao cục bộ (dựng từ sự kiện) của một chương trình đào tạo: để đối chiếu khi vận hành.\n\n*English:* The local, event-fed copy of a programme (for operators).")
    @GET
    @Path("/program-copy/{programId}")
    public ProgramCopyView program(@PathParam("programId") UUID programId) {
        ProgramCopy p = copies.program(programId);
        return new ProgramCopyView(p.programId, p.code, p.program == null ? null : p.program.name(), p.category,
                p.level, p.status);
    }
}
