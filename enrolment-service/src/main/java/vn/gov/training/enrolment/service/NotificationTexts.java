package vn.gov.training.enrolment.service;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;

/**
 * The Vietnamese subject and text of each notification: dates dd/MM/yyyy, money in đồng with dots between thousands,
 * grades and codes in words. One place, so every mail says things the way the console does.
 */
final class NotificationTexts {

    /** A mail's subject and plain text. */
    record Text(String subject, String body) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> GRADES = Map.of("EXCELLENT", "Xuất sắc", "GOOD", "Giỏi", "FAIR", "Khá",
            "AVERAGE", "Trung bình");
    private static final String SIGNATURE = "\n\nThư này do hệ thống quản lý đào tạo, bồi dưỡng cán bộ, công chức,"
            + " viên chức gửi tự động; xin đừng trả lời thư. Anh/chị có thể tắt các thông báo không bắt buộc trong"
            + " phần cài đặt thông báo của mình.";

    private NotificationTexts() {
    }

    static String date(LocalDate d) {
        return d == null ? "(chưa có)" : DATE.format(d);
    }

    static String vnd(long amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(amount) + " đồng";
    }

    private static String greeting(PersonCopy person) {
        return "Kính gửi anh/chị " + person.fullName + ",\n\n";
    }

    /** "lớp L-01 – Bồi dưỡng ... (từ dd/MM/yyyy đến dd/MM/yyyy, tại ...)" */
    private static String classLine(ClassCopy cls) {
        String programme = cls.program == null || cls.program.name() == null ? "" : " – " + cls.program.name();
        String venue = cls.venue == null || cls.venue.isBlank() ? "" : ", tại " + cls.venue;
        return "lớp " + cls.code + programme + " (từ " + date(cls.startDate) + " đến " + date(cls.endDate) + venue
                + ")";
    }

    private static String programme(ClassCopy cls) {
        return cls.program == null || cls.program.name() == null ? "lớp " + cls.code : cls.program.name();
    }

    static Text approved(PersonCopy person, ClassCopy cls) {
        return new Text("Đề nghị cử đi học được phê duyệt: " + programme(cls), greeting(person)
                + "Anh/chị đã được phê duyệt cử đi học " + classLine(cls) + ". Xin sắp xếp công việc để tham gia"
                + " đầy đủ." + SIGNATURE);
    }

    static Text rejected(PersonCopy person, ClassCopy cls, String reason) {
        String why = reason == null || reason.isBlank() ? "" : "\nLý do: " + reason;
        return new Text("Đề nghị cử đi học không được phê duyệt: " + programme(cls), greeting(person)
                + "Đề nghị cử anh/chị đi học " + classLine(cls) + " không được phê duyệt." + why
                + "\nXin liên hệ cán bộ tổ chức của đơn vị để biết thêm." + SIGNATURE);
    }

    static Text waitlisted(PersonCopy person, ClassCopy cls) {
        return new Text("Anh/chị đang trong danh sách chờ: " + programme(cls), greeting(person)
                + "Lớp " + cls.code + " đã đủ chỗ nên anh/chị được đưa vào danh sách chờ của " + classLine(cls)
                + ". Hệ thống sẽ báo ngay khi có chỗ cho anh/chị." + SIGNATURE);
    }

    static Text promoted(PersonCopy person, ClassCopy cls) {
        return new Text("Đã có chỗ cho anh/chị trong lớp: " + programme(cls), greeting(person)
                + "Lớp đã có chỗ trống: anh/chị được chuyển từ danh sách chờ sang danh sách học viên chính thức của "
                + classLine(cls) + "." + SIGNATURE);
    }

    static Text cancelled(PersonCopy person, ClassCopy cls) {
        return new Text("Lớp " + cls.code + " bị hủy", greeting(person)
                + "Cơ sở đào tạo đã hủy " + classLine(cls) + ". Việc cử anh/chị đi học lớp này chấm dứt; cán bộ tổ"
                + " chức của đơn vị sẽ xem xét cử anh/chị vào lớp khác nếu cần." + SIGNATURE);
    }

    static Text rescheduled(PersonCopy person, ClassCopy cls, List<Refs.Session> sessions) {
        StringBuilder body = new StringBuilder(greeting(person)).append("Lịch học của ").append(classLine(cls))
                .append(" đã thay đổi. Lịch mới:");
        for (Refs.Session s : sessions) {
            body.append("\n- ").append(date(s.date()));
            if (s.startTime() != null && s.endTime() != null) {
                body.append(", ").append(s.startTime()).append("–").append(s.endTime());
            }
            if (s.topic() != null && !s.topic().isBlank()) {
                body.append(": ").append(s.topic());
            }
        }
        if (sessions.isEmpty()) {
            body.append(" từ ").append(date(cls.startDate)).append(" đến ").append(date(cls.endDate)).append('.');
        }
        return new Text("Lớp " + cls.code + " thay đổi lịch học", body.append(SIGNATURE).toString());
    }

    static Text completed(PersonCopy person, ClassCopy cls, String grade, String credentialNumber,
                          LocalDate credentialIssuedOn) {
        String graded = grade == null ? "" : ", xếp loại " + GRADES.getOrDefault(grade, grade);
        String credential = credentialNumber == null ? ""
                : "\nVăn bằng/chứng chỉ số " + credentialNumber + " cấp ngày " + date(credentialIssuedOn)
                + "; có thể xác minh trực tuyến theo số này.";
        return new Text("Kết quả học tập: " + programme(cls), greeting(person)
                + "Anh/chị đã hoàn thành " + classLine(cls) + graded + "." + credential + SIGNATURE);
    }

    static Text failed(PersonCopy person, ClassCopy cls, String reason) {
        String why = reason == null || reason.isBlank() ? "" : "\nLý do: " + reason;
        return new Text("Kết quả học tập: " + programme(cls), greeting(person)
                + "Anh/chị chưa đạt yêu cầu của " + classLine(cls) + "." + why
                + "\nXin liên hệ cơ sở đào tạo hoặc cán bộ tổ chức của đơn vị để biết thêm." + SIGNATURE);
    }

    static Text breached(PersonCopy person, ClassCopy cls, LocalDate startsOn, LocalDate endsOn, int months,
                         LocalDate closedOn) {
        return new Text("Cam kết phục vụ sau đào tạo đã bị vi phạm", greeting(person)
                + "Cam kết phục vụ " + months + " tháng (từ " + date(startsOn) + " đến " + date(endsOn)
                + ") sau khi học " + classLine(cls) + " đã chấm dứt trước thời hạn, ngày " + date(closedOn)
                + ". Theo quy định, hội đồng sẽ xem xét việc đền bù chi phí đào tạo và thông báo quyết định cho"
                + " anh/chị." + SIGNATURE);
    }

    static Text repaymentDecided(PersonCopy person, ClassCopy cls, long amountVnd, String decisionNumber,
                                 LocalDate decidedOn) {
        String decision = decisionNumber == null ? "" : " (quyết định số " + decisionNumber + " ngày "
                + date(decidedOn) + ")";
        return new Text("Quyết định đền bù chi phí đào tạo", greeting(person)
                + "Hội đồng đã quyết định mức đền bù chi phí đào tạo của " + classLine(cls) + ": " + vnd(amountVnd)
                + decision + ". Xin liên hệ cán bộ tổ chức của đơn vị về cách thức nộp." + SIGNATURE);
    }

    static Text returnReportDue(PersonCopy person, ClassCopy cls, LocalDate returnedOn, LocalDate dueOn) {
        return new Text("Nhắc nộp báo cáo sau khi học ở nước ngoài về", greeting(person)
                + "Anh/chị về nước ngày " + date(returnedOn) + " sau khi học " + classLine(cls)
                + ". Báo cáo kết quả phải nộp cho đơn vị trong 15 ngày, chậm nhất ngày " + date(dueOn)
                + "; hệ thống chưa ghi nhận báo cáo của anh/chị." + SIGNATURE);
    }

    static Text shortfall(PersonCopy person, int year, int periods, int minimum) {
        return new Text("Chưa đủ thời lượng bồi dưỡng tối thiểu năm " + year, greeting(person)
                + "Năm " + year + " anh/chị mới tham gia " + periods + " tiết bồi dưỡng, chưa đủ mức tối thiểu "
                + minimum + " tiết mỗi năm. Xin trao đổi với cán bộ tổ chức của đơn vị để được cử học trong quý"
                + " cuối năm." + SIGNATURE);
    }

}
