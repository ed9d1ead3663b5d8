package vn.gov.training.enrolment.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import vn.gov.training.platform.problem.ProblemException;

/** The status machine of an enrolment, on the aggregate alone: no Quarkus, no database. */
class EnrolmentTransitionsTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime AT = CREATED.plusDays(3);
    private static final LocalDate CLASS_START = LocalDate.of(2026, 3, 2);
    private static final LocalDate CLASS_END = LocalDate.of(2026, 4, 30);

    private static Enrolment in(EnrolmentStatus status) {
        Enrolment e = Enrolment.nominated(UUID.randomUUID(), CREATED);
        e.status = status;
        return e;
    }

    /** Every status but {@code allowed} is refused with 409 enrolment-wrong-status naming the allowed ones. */
    private static void refusedOutside(Set<EnrolmentStatus> allowed, String allowedText, Consumer<Enrolment> transition) {
        for (EnrolmentStatus status : EnumSet.complementOf(EnumSet.copyOf(allowed))) {
            Enrolment e = in(status);
            e.waitlistPosition = 4L;
            ProblemException refused = assertThrows(ProblemException.class, () -> transition.accept(e),
                    "from " + status);
            assertEquals(409, refused.status());
            assertEquals("enrolment-wrong-status", refused.code());
            assertArrayEquals(new Object[] {status, allowedText}, refused.args());
            assertEquals(status, refused.extensions().get("currentStatus"));
            assertEquals(status, e.status, "a refused transition changes nothing");
            assertEquals(4L, e.waitlistPosition);
            assertEquals(CREATED, e.updatedAt);
        }
    }

    @Test
    void aNominationStartsNominated() {
        UUID id = UUID.randomUUID();
        Enrolment e = Enrolment.nominated(id, CREATED);
        assertEquals(id, e.id);
        assertEquals(EnrolmentStatus.NOMINATED, e.status);
        assertEquals(CREATED, e.createdAt);
        assertEquals(CREATED, e.updatedAt);
    }

    @Test
    void approveTakesANomination() {
        Enrolment e = in(EnrolmentStatus.NOMINATED);
        e.waitlistPosition = 2L;
        e.approve(AT);
        assertEquals(EnrolmentStatus.APPROVED, e.status);
        assertNull(e.waitlistPosition);
        assertEquals(AT, e.updatedAt);
        refusedOutside(EnumSet.of(EnrolmentStatus.NOMINATED), "NOMINATED", x -> x.approve(AT));
    }

    @Test
    void waitlistPutsANominationInLine() {
        Enrolment e = in(EnrolmentStatus.NOMINATED);
        e.waitlist(3, AT);
        assertEquals(EnrolmentStatus.WAITLISTED, e.status);
        assertEquals(3L, e.waitlistPosition);
        assertEquals(AT, e.updatedAt);
        refusedOutside(EnumSet.of(EnrolmentStatus.NOMINATED), "NOMINATED", x -> x.waitlist(1, AT));
    }

    @Test
    void promoteGivesAWaitlistedEnrolmentItsSeat() {
        Enrolment e = in(EnrolmentStatus.WAITLISTED);
        e.waitlistPosition = 1L;
        e.promote(AT);
        assertEquals(EnrolmentStatus.APPROVED, e.status);
        assertNull(e.waitlistPosition);
        assertEquals(AT, e.updatedAt);
        refusedOutside(EnumSet.of(EnrolmentStatus.WAITLISTED), "WAITLISTED", x -> x.promote(AT));
    }

    @Test
    void rejectRefusesANominationAWaitlistPlaceOrAnApproval() {
        for (EnrolmentStatus from : EnumSet.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAITLISTED,
                EnrolmentStatus.APPROVED)) {
            Enrolment e = in(from);
            e.waitlistPosition = from == EnrolmentStatus.WAITLISTED ? 5L : null;
            boolean freedSeat = e.reject("không đủ chỉ tiêu", AT);
            assertEquals(from == EnrolmentStatus.APPROVED, freedSeat, "from " + from);
            assertEquals(EnrolmentStatus.REJECTED, e.status);
            assertEquals("không đủ chỉ tiêu", e.reason);
            assertNull(e.waitlistPosition);
            assertEquals(AT, e.updatedAt);
        }
        refusedOutside(EnumSet.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.APPROVED),
                "NOMINATED, WAITLISTED, APPROVED", x -> x.reject("r", AT));
    }

    @Test
    void withdrawEndsALiveEnrolmentAndTellsWhetherItHeldASeatAndHadStarted() {
        LocalDate before = CLASS_START.minusDays(1);
        record Case(EnrolmentStatus from, LocalDate on, boolean heldSeat, boolean started) {
        }
        for (Case c : new Case[] {
                new Case(EnrolmentStatus.NOMINATED, CLASS_START, false, false),
                new Case(EnrolmentStatus.WAITLISTED, CLASS_START, false, false),
                new Case(EnrolmentStatus.REQUESTED, CLASS_START, false, false),
                new Case(EnrolmentStatus.APPROVED, before, true, false),
                new Case(EnrolmentStatus.APPROVED, CLASS_START, true, true),
                new Case(EnrolmentStatus.IN_PROGRESS, before, true, true)}) {
            Enrolment e = in(c.from());
            e.waitlistPosition = 7L;
            Enrolment.Withdrawal w = e.withdraw("chuyển công tác", c.on(), CLASS_START, AT);
            assertEquals(new Enrolment.Withdrawal(c.heldSeat(), c.started()), w, c.toString());
            assertEquals(EnrolmentStatus.WITHDRAWN, e.status);
            assertEquals(c.on(), e.withdrawnOn);
            assertEquals("chuyển công tác", e.reason);
            assertNull(e.waitlistPosition);
            assertEquals(AT, e.updatedAt);
        }
        // a class without a first day: an approved learner has not started
        assertEquals(new Enrolment.Withdrawal(true, false),
                in(EnrolmentStatus.APPROVED).withdraw("r", CLASS_START, null, AT));
        refusedOutside(EnumSet.of(EnrolmentStatus.REQUESTED, EnrolmentStatus.NOMINATED, EnrolmentStatus.WAITLISTED,
                        EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS),
                "NOMINATED, APPROVED, WAITLISTED, IN_PROGRESS", x -> x.withdraw("r", CLASS_START, CLASS_START, AT));
    }

    @Test
    void anExamStartsTheTraining() {
        Enrolment approved = in(EnrolmentStatus.APPROVED);
        approved.examRecorded(AT);
        assertEquals(EnrolmentStatus.IN_PROGRESS, approved.status);
        assertEquals(AT, approved.updatedAt);
        Enrolment started = in(EnrolmentStatus.IN_PROGRESS);
        started.examRecorded(AT);
        assertEquals(EnrolmentStatus.IN_PROGRESS, started.status);
        assertEquals(AT, started.updatedAt);
        refusedOutside(EnumSet.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS), "APPROVED, IN_PROGRESS",
                x -> x.examRecorded(AT));
    }

    @Test
    void completeRecordsGradeAndCredential() {
        for (EnrolmentStatus from : EnumSet.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS)) {
            Enrolment e = in(from);
            e.complete(Grade.GOOD, "  VB-2026-001 ", LocalDate.of(2026, 5, 10), 110, LocalDate.of(2026, 5, 2),
                    120, CLASS_END, LocalDate.of(2026, 6, 1), AT);
            assertEquals(EnrolmentStatus.COMPLETED, e.status);
            assertEquals(Grade.GOOD, e.grade);
            assertEquals("VB-2026-001", e.credentialNumber);
            assertEquals(LocalDate.of(2026, 5, 10), e.credentialIssuedOn);
            assertEquals(110, e.periodsAttended);
            assertEquals(LocalDate.of(2026, 5, 2), e.completedOn);
            assertEquals(AT, e.updatedAt);
        }
        refusedOutside(EnumSet.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS), "APPROVED, IN_PROGRESS",
                x -> x.complete(Grade.GOOD, null, null, null, null, 120, CLASS_END, CLASS_END, AT));
    }

    @Test
    void completeDefaultsThePeriodsAndTheDay() {
        Enrolment afterEnd = in(EnrolmentStatus.IN_PROGRESS);
        afterEnd.complete(Grade.EXCELLENT, " ", null, null, null, 120, CLASS_END, CLASS_END.plusDays(9), AT);
        assertNull(afterEnd.credentialNumber, "a blank credential number is none");
        assertEquals(120, afterEnd.periodsAttended, "the programme's periods");
        assertEquals(CLASS_END, afterEnd.completedOn, "the class's last day once it has passed");

        Enrolment early = in(EnrolmentStatus.IN_PROGRESS);
        LocalDate today = CLASS_END.minusDays(5);
        early.complete(Grade.FAIR, null, null, null, null, 120, CLASS_END, today, AT);
        assertEquals(today, early.completedOn, "today when the class has not ended");

        Enrolment noEnd = in(EnrolmentStatus.APPROVED);
        noEnd.complete(Grade.FAIR, null, null, null, null, null, null, today, AT);
        assertEquals(today, noEnd.completedOn);
        assertNull(noEnd.periodsAttended);
    }

    @Test
    void failRecordsTheReasonAndDay() {
        for (EnrolmentStatus from : EnumSet.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS)) {
            Enrolment e = in(from);
            e.fail("exit-exam-failed", CLASS_END, AT);
            assertEquals(EnrolmentStatus.FAILED, e.status);
            assertEquals("exit-exam-failed", e.reason);
            assertEquals(CLASS_END, e.completedOn);
            assertEquals(AT, e.updatedAt);
            assertFalse(e.failedEntryExam());
        }
        Enrolment entry = in(EnrolmentStatus.IN_PROGRESS);
        entry.fail(EnrolmentStatus.ENTRY_EXAM_FAILED, CLASS_START, AT);
        assertTrue(entry.failedEntryExam(), "a failed entry exam holds no seat");
        refusedOutside(EnumSet.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS), "APPROVED, IN_PROGRESS",
                x -> x.fail("r", CLASS_END, AT));
    }

    @Test
    void requireInTrainingAllowsOnlyApprovedAndInProgress() {
        in(EnrolmentStatus.APPROVED).requireInTraining();
        in(EnrolmentStatus.IN_PROGRESS).requireInTraining();
        refusedOutside(EnumSet.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS), "APPROVED, IN_PROGRESS",
                Enrolment::requireInTraining);
    }

    @Test
    void recordReturnKeepsWhatIsNotGiven() {
        Enrolment e = in(EnrolmentStatus.COMPLETED);
        e.recordReturn(LocalDate.of(2026, 6, 1), null, AT);
        assertEquals(LocalDate.of(2026, 6, 1), e.returnedOn);
        assertNull(e.returnReportSubmittedOn);
        e.recordReturn(null, LocalDate.of(2026, 6, 10), AT.plusDays(1));
        assertEquals(LocalDate.of(2026, 6, 1), e.returnedOn);
        assertEquals(LocalDate.of(2026, 6, 10), e.returnReportSubmittedOn);
        assertEquals(AT.plusDays(1), e.updatedAt);
        assertEquals(EnrolmentStatus.COMPLETED, e.status);
    }
}
