package vn.gov.training.enrolment.domain;

/**
 * What a notification tells. Optional kinds can be turned off by the person; the others concern obligations (money
 * owed, a report due) and are always sent.
 */
public enum NotificationKind {
    NOMINATION_APPROVED(true, "Đề nghị cử đi học được phê duyệt"),
    NOMINATION_REJECTED(true, "Đề nghị cử đi học không được phê duyệt"),
    NOMINATION_WAITLISTED(true, "Vào danh sách chờ của lớp"),
    WAITLIST_PROMOTED(true, "Được xếp chỗ từ danh sách chờ"),
    CLASS_RESCHEDULED(true, "Lớp học thay đổi lịch"),
    CLASS_CANCELLED(true, "Lớp học bị hủy"),
    RESULT_ISSUED(true, "Kết quả học tập và văn bằng, chứng chỉ"),
    RETURN_REPORT_DUE(false, "Nhắc nộp báo cáo sau khi học ở nước ngoài về"),
    COMMITMENT_BREACHED(false, "Cam kết phục vụ sau đào tạo bị vi phạm"),
    REPAYMENT_DECIDED(false, "Quyết định đền bù chi phí đào tạo"),
    YEARLY_MINIMUM_SHORTFALL(true, "Chưa đủ thời lượng bồi dưỡng tối thiểu trong năm");

    public final boolean optional;
    public final String label;

    NotificationKind(boolean optional, String label) {
        this.optional = optional;
        this.label = label;
    }
}
