package vn.gov.training.enrolment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.PersonCopy;

/** The texts of the mails: Vietnamese words for codes, dd/MM/yyyy dates, đồng with dots between thousands. */
class NotificationTextsTest {

    private static PersonCopy person() {
        PersonCopy p = new PersonCopy();
        p.personnelId = UUID.randomUUID();
        p.fullName = "Trần Thị Bích Ngọc";
        return p;
    }

    private static ClassCopy cls() {
        ClassCopy c = new ClassCopy();
        c.code = "CVC-2026-01";
        c.venue = "Trường Chính trị tỉnh";
        c.startDate = LocalDate.of(2026, 3, 2);
        c.endDate = LocalDate.of(2026, 4, 30);
        return c;
    }

    @Test
    void moneyIsInDongWithDotsAndDatesAreDayMonthYear() {
        NotificationTexts.Text text = NotificationTexts.repaymentDecided(person(), cls(), 12_345_678L, "15/QĐ-HĐ",
                LocalDate.of(2026, 11, 5));
        assertEquals("Quyết định đền bù chi phí đào tạo", text.subject());
        assertTrue(text.body().startsWith("Kính gửi anh/chị Trần Thị Bích Ngọc,"), text.body());
        assertTrue(text.body().contains("lớp CVC-2026-01 (từ 02/03/2026 đến 30/04/2026, tại Trường Chính trị tỉnh):"
                + " 12.345.678 đồng (quyết định số 15/QĐ-HĐ ngày 05/11/2026)."), text.body());
    }

    @Test
    void gradesAreWordsAndTheCredentialIsNamed() {
        NotificationTexts.Text text = NotificationTexts.completed(person(), cls(), "EXCELLENT", "QLNN-0042",
                LocalDate.of(2026, 5, 4));
        assertTrue(text.body().contains("xếp loại Xuất sắc."), text.body());
        assertTrue(text.body().contains("Văn bằng/chứng chỉ số QLNN-0042 cấp ngày 04/05/2026"), text.body());
    }
}
