package vn.gov.training.enrolment.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.service.EnrolmentQueries;
import vn.gov.training.platform.problem.Messages;

/** An enrolment as the API shows it, with the fit reasons spelt out in the caller's language. */
public record EnrolmentView(UUID id, UUID personnelId, String personName, UUID classId, String classCode,
                            UUID programId, String programName, String category, String level, String deliveryMode,
                            String location, LocalDate startDate, LocalDate endDate, String nominatingUnitCode,
                            String personOrgUnitCode, String personCategory, String status, Long waitlistPosition,
                            FitView fit, String justification, String decisionNumber, LocalDate decisionDate,
                            String fundingSource, Long fundingAmountVnd, Long costVnd, String note, List<ExamView> exams,
                            String grade, String credentialNumber, LocalDate credentialIssuedOn,
                            Integer periodsAttended, String grantsKind, String grantsLevel, LocalDate completedOn,
                            LocalDate withdrawnOn, String reason, LocalDate returnedOn,
                            LocalDate returnReportSubmittedOn) {

    public record FitView(String assessment, List<Reason> reasons) {
    }

    public record Reason(String code, String message) {
    }

    public record ExamView(String kind, int attempt, BigDecimal score, boolean passed, LocalDate takenOn) {
    }

    public static FitView fit(String assessment, List<String> codes, Messages messages) {
        return new FitView(assessment, codes.stream().map(c -> new Reason(c, messages.get("fit." + c))).toList());
    }

    public static EnrolmentView of(Enrolment e, EnrolmentQueries.Details details, Messages messages) {
        String personName = details.personName();
        String classCode = details.classCode();
        String programName = details.programName();
        List<ExamView> exams = details.exams().stream()
                .map(x -> new ExamView(x.kind.name(), x.attempt, x.score, x.passed, x.takenOn)).toList();
        return new EnrolmentView(e.id, e.personnelId, personName, e.classId, classCode, e.programId, programName,
                e.category, e.level, e.deliveryMode, e.location, e.startDate, e.endDate, e.nominatingUnitCode,
                e.personOrgUnitCode, e.personCategory, e.status.name(), e.waitlistPosition,
                fit(e.fitAssessment.name(), e.fitReasons, messages), e.justification, e.decisionNumber,
                e.decisionDate, e.fundingSource, e.fundingAmountVnd, e.costVnd, e.note, exams,
                e.grade == null ? null : e.grade.name(), e.credentialNumber, e.credentialIssuedOn, e.periodsAttended,
                e.grantsKind, e.grantsLevel, e.completedOn, e.withdrawnOn, e.reason, e.returnedOn,
                e.returnReportSubmittedOn);
    }
}
