package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.enrolment.domain.Notification;
import vn.gov.training.enrolment.domain.NotificationKind;
import vn.gov.training.enrolment.service.NotificationReminders;
import vn.gov.training.platform.audit.AuditRecord;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.MailBox;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Mail notifications on the real SMTP server of the test stack (GreenMail, read through its REST API): in Vietnamese,
 * once per fact even when the event is delivered again, not when the person turned the kind off, and not lost while
 * the server is down.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class NotificationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    NotificationReminders reminders;

    @BeforeEach
    void units() {
        Copies.units();
    }

    /** A person of HG.VT.P1 with a work address of their own; returns the address. */
    private static String personWithMail(Map<String, Object> person) {
        String address = "hv-" + Copies.suffix().toLowerCase() + "@haugiang.gov.vn";
        person.put("email", address);
        Copies.person(person);
        return address;
    }

    private static UUID id(Map<String, Object> m, String key) {
        return UUID.fromString((String) m.get(key));
    }

    private static long count(NotificationKind kind, String factKey) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.count("kind = ?1 and factKey = ?2", kind,
                factKey));
    }

    private static Notification notification(NotificationKind kind, String factKey) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "kind = ?1 and factKey = ?2", kind, factKey).firstResult());
    }

    private static String type(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    @Test
    void anApprovalIsMailedInVietnameseOnceEvenWhenItsEventIsDeliveredAgain() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        person.put("fullName", "Lâm Thị Thư Báo");
        String address = personWithMail(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("enrolment");
            String id = Api.nominated(id(person, "personnelId"), id(cls, "classId"));
            Api.approve(id);

            MailBox.Mail approved = MailBox.await(address, DEADLINE,
                    m -> m.subject().startsWith("Đề nghị cử đi học được phê duyệt"));
            assertEquals("Đề nghị cử đi học được phê duyệt: Bồi dưỡng quản lý nhà nước ngạch chuyên viên",
                    approved.subject());
            String start = LocalDate.parse((String) cls.get("startDate")).format(VI);
            String end = LocalDate.parse((String) cls.get("endDate")).format(VI);
            assertTrue(approved.text().startsWith("Kính gửi anh/chị Lâm Thị Thư Báo,"), approved.text());
            assertTrue(approved.text().contains("Anh/chị đã được phê duyệt cử đi học lớp " + cls.get("code")
                    + " – Bồi dưỡng quản lý nhà nước ngạch chuyên viên (từ " + start + " đến " + end
                    + ", tại Trường Chính trị tỉnh)."), approved.text());
            assertTrue(approved.from().contains("khong-tra-loi@daotao.haugiang.gov.vn"), approved.from());

            // the approval is delivered again, as Kafka may after a crash: the same record, the same event id
            ConsumerRecord<String, String> original = Poll.until(DEADLINE, () -> events.getRecords().stream()
                    .filter(r -> id.equals(r.key()) && type(r).endsWith(".enrolment.approved.v1")).findFirst()
                    .orElse(null), r -> r != null);
            EventContract.published().assertValid(original);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(original.topic(), null, original.key(),
                    original.value(), original.headers())).awaitCompletion();

            // a later fact of the same enrolment (same key, so the same partition, read after the copy): its result
            Copies.started(cls);
            Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                    "credentialNumber", "QLNN-" + Copies.suffix(), "completedOn", ProvinceTime.today().toString(),
                    "credentialIssuedOn", ProvinceTime.today().toString())).then().statusCode(200);
            MailBox.Mail result = MailBox.await(address, DEADLINE, m -> m.subject().startsWith("Kết quả học tập"));
            assertTrue(result.text().contains("xếp loại Giỏi"), result.text());

            List<MailBox.Mail> mails = MailBox.of(address);
            assertEquals(1, mails.stream().filter(m -> m.subject().startsWith("Đề nghị cử đi học được phê duyệt"))
                    .count(), "one approval mail: " + mails.stream().map(MailBox.Mail::subject).toList());
            assertEquals(2, mails.size());
            assertEquals(1, count(NotificationKind.NOMINATION_APPROVED, id));
            Notification sent = notification(NotificationKind.NOMINATION_APPROVED, id);
            assertEquals(Notification.State.SENT, sent.state);
            assertEquals(address, sent.recipient);
        }
    }

    @Test
    void learnersAreToldWhenTheirClassIsRescheduledAndWhenItIsCancelled() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        String address = personWithMail(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        Api.approve(Api.nominated(id(person, "personnelId"), id(cls, "classId")));
        MailBox.await(address, DEADLINE, m -> m.subject().startsWith("Đề nghị cử đi học được phê duyệt"));

        LocalDate start = ProvinceTime.today().plusDays(45);
        cls.put("startDate", start.toString());
        cls.put("endDate", start.plusDays(30).toString());
        cls.put("sessions", List.of(Map.of("sessionId", "S1", "date", start.toString(), "startTime", "13:30",
                "endTime", "17:00", "topic", "Khai giảng")));
        Copies.classEvent("changed", cls);
        MailBox.Mail changed = MailBox.await(address, DEADLINE,
                m -> m.subject().equals("Lớp " + cls.get("code") + " thay đổi lịch học"));
        assertTrue(changed.text().contains("- " + start.format(VI) + ", 13:30–17:00: Khai giảng"), changed.text());

        cls.put("status", "CANCELLED");
        Copies.classEvent("cancelled", cls);
        MailBox.Mail cancelled = MailBox.await(address, DEADLINE,
                m -> m.subject().equals("Lớp " + cls.get("code") + " bị hủy"));
        assertTrue(cancelled.text().contains("Cơ sở đào tạo đã hủy lớp " + cls.get("code")), cancelled.text());
        assertEquals(3, MailBox.of(address).size());
    }

    @Test
    void aPersonWhoTurnedAKindOffIsNotMailedItAndMandatoryKindsStayOn() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        String address = personWithMail(person);
        String personnelId = (String) person.get("personnelId");
        String path = "/api/personnel/" + personnelId + "/notification-preferences";

        given().header("Authorization", Tokens.bearer("unit-officer")).get(path).then().statusCode(200)
                .body("find { it.kind == 'NOMINATION_APPROVED' }.enabled", equalTo(true))
                .body("find { it.kind == 'NOMINATION_APPROVED' }.label", equalTo("Đề nghị cử đi học được phê duyệt"))
                .body("find { it.kind == 'REPAYMENT_DECIDED' }.optional", equalTo(false));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("enabled", false)).put(path + "/NOMINATION_APPROVED").then().statusCode(200)
                .body("find { it.kind == 'NOMINATION_APPROVED' }.enabled", equalTo(false));
        // what cannot be turned off, what does not exist, who may not
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("enabled", false)).put(path + "/REPAYMENT_DECIDED").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("enabled"))
                .body("errors[0].code", equalTo("notification-kind-mandatory"))
                .body("errors[0].message", equalTo("Loại thông báo này là bắt buộc, không tắt được"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("enabled", false)).put(path + "/NO_SUCH_KIND").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of()).put(path + "/RESULT_ISSUED").then().statusCode(400)
                .body("errors[0].field", equalTo("enabled")).body("errors[0].code", equalTo("required"));
        given().header("Authorization", Tokens.bearer("institution-staff")).contentType(ContentType.JSON)
                .body(Map.of("enabled", true)).put(path + "/NOMINATION_APPROVED").then().statusCode(403)
                .body("code", equalTo("notification-preferences-out-of-scope"));
        given().header("Authorization", Tokens.bearer("unit-officer-2")).get(path).then().statusCode(403);
        List<AuditRecord> audit = QuarkusTransaction.requiringNew().call(() -> AuditRecord.list(
                "entityType = 'notification-preference' and entityId = ?1", personnelId));
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).after.replace(" ", "").contains("\"enabled\":false"), audit.get(0).after);

        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        String id = Api.nominated(id(person, "personnelId"), id(cls, "classId"));
        Api.approve(id);
        Notification seen = Poll.until(DEADLINE, () -> notification(NotificationKind.NOMINATION_APPROVED, id),
                n -> n != null);
        assertEquals(Notification.State.OPTED_OUT, seen.state);
        assertEquals(List.of(), MailBox.of(address));
    }

    @Test
    void aNotificationWaitsForTheMailServerWhileItIsDown() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        String address = personWithMail(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 1);
        Copies.classEvent("opened", cls);
        Map<String, Object> first = Copies.person(UUID.randomUUID());
        Copies.person(first);
        Api.approve(Api.nominated(id(first, "personnelId"), id(cls, "classId")));
        MailBox.stopServer();
        String id;
        try {
            // the class is full: the person goes on the waitlist
            id = Api.nominated(id(person, "personnelId"), id(cls, "classId"));
            Api.post("province-manager", "/api/enrolments/" + id + "/approve", Map.of()).then().statusCode(200)
                    .body("status", equalTo("WAITLISTED"));
            Notification waiting = Poll.until(DEADLINE, () -> notification(NotificationKind.NOMINATION_WAITLISTED,
                    id), n -> n != null && n.attempts >= 2);
            assertEquals(Notification.State.PENDING, waiting.state);
        } finally {
            MailBox.startServer();
        }
        MailBox.Mail mail = MailBox.await(address, DEADLINE, m -> m.subject().startsWith("Anh/chị đang trong danh sách chờ"));
        assertTrue(mail.text().contains("danh sách chờ"), mail.text());
        assertEquals(Notification.State.SENT, Poll.until(DEADLINE, () -> notification(
                NotificationKind.NOMINATION_WAITLISTED, id).state, Notification.State.SENT::equals));
    }

    @Test
    void anOverseasTraineeIsRemindedOnceOfTheReturnReportAndAShortfallIsToldOnceInTheLastQuarter() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        String address = personWithMail(person);
        Map<String, Object> program = Copies.program(UUID.randomUUID());
        program.put("overseas", true);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, 5);
        cls.put("location", "OVERSEAS");
        cls.put("country", "SG");
        cls.put("funding", List.of(Map.of("source", "SPONSOR", "percent", 100)));
        Copies.classEvent("opened", cls);
        String id = Api.nominated(id(person, "personnelId"), id(cls, "classId"));
        Api.approve(id);
        LocalDate today = ProvinceTime.today();
        Copies.started(cls, today.minusDays(40), today.minusDays(5));
        Api.post("province-manager", "/api/enrolments/" + id + "/return",
                Map.of("returnedOn", today.minusDays(3).toString())).then().statusCode(200);

        reminders.run(today);
        reminders.run(today);
        MailBox.Mail reminder = MailBox.await(address, DEADLINE,
                m -> m.subject().equals("Nhắc nộp báo cáo sau khi học ở nước ngoài về"));
        assertTrue(reminder.text().contains("chậm nhất ngày " + today.plusDays(12).format(VI)), reminder.text());
        assertEquals(1, count(NotificationKind.RETURN_REPORT_DUE, id));

        // in the last quarter: this person completed nothing this year
        LocalDate november = LocalDate.of(today.getYear(), 11, 15);
        reminders.run(november);
        reminders.run(november);
        MailBox.Mail shortfall = MailBox.await(address, DEADLINE,
                m -> m.subject().equals("Chưa đủ thời lượng bồi dưỡng tối thiểu năm " + today.getYear()));
        assertTrue(shortfall.text().contains("mới tham gia 0 tiết bồi dưỡng, chưa đủ mức tối thiểu 40 tiết"),
                shortfall.text());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Notification.count(
                "kind = ?1 and personnelId = ?2", NotificationKind.YEARLY_MINIMUM_SHORTFALL,
                id(person, "personnelId"))));
    }
    /** Completes an approved enrolment of {@code person} in a class of {@code program} that ran this year. */
    private static void completed(Map<String, Object> person, Map<String, Object> program, int periods) {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, 5);
        Copies.classEvent("opened", cls);
        String id = Api.nominated(id(person, "personnelId"), id(cls, "classId"));
        Api.approve(id);
        LocalDate today = ProvinceTime.today();
        LocalDate end = today.getDayOfYear() > 10 ? today.minusDays(2) : today;
        Copies.started(cls, end.withDayOfYear(1), end);
        Api.post("institution-staff", "/api/enrolments/" + id + "/exams",
                Map.of("kind", "EXIT", "score", 8.5, "passed", true, "takenOn", end.toString()))
                .then().statusCode(200);
        Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                "periodsAttended", periods, "completedOn", end.toString())).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
    }

    @Test
    void theShortfallCountsRetrainingOnlyAgainstTheMinimumOfThePersonsRuleSet() {
        Map<String, Object> degree = Copies.person(UUID.randomUUID());
        String degreeAddress = personWithMail(degree);
        Map<String, Object> retrained = Copies.person(UUID.randomUUID());
        personWithMail(retrained);
        Map<String, Object> master = Copies.program(UUID.randomUUID());
        master.put("grantsLevel", Map.of("kind", "EDUCATION", "level", "MASTER"));
        master.put("postgraduate", true);
        completed(degree, master, 200);
        completed(retrained, Copies.program(UUID.randomUUID()), 40);

        int year = ProvinceTime.today().getYear();
        int minimum = QuarkusTransaction.requiringNew().call(() -> vn.gov.training.enrolment.domain.RuleSet.inForce(
                (String) degree.get("category"), LocalDate.of(year, 11, 15)).orElseThrow().yearlyMinimumPeriods);
        reminders.run(LocalDate.of(year, 11, 15));
        // degree training does not count towards the minimum; 40 periods of retraining meet it
        MailBox.Mail shortfall = MailBox.await(degreeAddress, DEADLINE,
                m -> m.subject().equals("Chưa đủ thời lượng bồi dưỡng tối thiểu năm " + year));
        assertTrue(shortfall.text().contains("mới tham gia 0 tiết bồi dưỡng, chưa đủ mức tối thiểu " + minimum
                + " tiết"), shortfall.text());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Notification.count(
                "kind = ?1 and personnelId = ?2", NotificationKind.YEARLY_MINIMUM_SHORTFALL,
                id(retrained, "personnelId"))));
    }
}
