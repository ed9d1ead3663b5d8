package vn.gov.training.enrolment.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.service.LocalCopies;

/** One person's record of all their classes, newest first. */
@Tag(name = "Quá trình đào tạo", description = "Các khóa học đã hoàn thành của một cán bộ. / A person's training history.")
@Path("/api/personnel/{personnelId}/training-history")
@Authenticated
public class TrainingHistoryResource {

    private final LocalCopies copies;

    TrainingHistoryResource(LocalCopies copies) {
        this.copies = copies;
    }

    public record Entry(UUID enrolmentId, UUID classId, String classCode, UUID programId, String programName,
                        String category, String level, String deliveryMode, String location, LocalDate startDate,
                        LocalDate endDate, String status, String fitAssessment, String grade, String credentialNumber,
                        LocalDate credentialIssuedOn, Integer periodsAttended, String grantsKind, String grantsLevel,
                        LocalDate completedOn, LocalDate withdrawnOn, String reason) {
    }

    public record History(UUID personnelId, String fullName, List<Entry> entries) {
    }

    @Operation(summary = "Quá trình đào tạo của cán bộ",
            description = "Các khóa đã học của một cán bộ: chương trình, cơ sở, thời gian, kết quả, văn bằng.\n\n*English:* A person's training history.")
    @GET
    public History history(@PathParam("personnelId") UUID personnelId) {
        LocalCopies.History found = copies.history(personnelId);
        List<Entry> entries = found.courses().stream().map(course -> {
            Enrolment e = course.enrolment();
            ClassCopy c = course.cls();
            return new Entry(e.id, e.classId, c == null ? null : c.code, e.programId,
                    c == null || c.program == null ? null : c.program.name(), e.category, e.level, e.deliveryMode,
                    e.location, e.startDate, e.endDate, e.status.name(), e.fitAssessment.name(),
                    e.grade == null ? null : e.grade.name(), e.credentialNumber, e.credentialIssuedOn,
                    e.periodsAttended, e.grantsKind, e.grantsLevel, e.completedOn, e.withdrawnOn, e.reason);
        }).toList();
        return new History(personnelId, found.fullName(), entries);
    }
}
