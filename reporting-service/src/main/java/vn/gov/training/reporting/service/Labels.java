package vn.gov.training.reporting.service;

import java.util.Map;

/** Vietnamese names of the codes the reports show. */
public final class Labels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("POLITICAL_THEORY", "Lý luận chính trị"),
            Map.entry("STATE_MANAGEMENT", "Quản lý nhà nước"),
            Map.entry("LEADERSHIP", "Lãnh đạo, quản lý"),
            Map.entry("TITLE_BASED", "Bồi dưỡng theo chức danh"),
            Map.entry("KNOWLEDGE_UPDATE", "Cập nhật kiến thức"),
            Map.entry("DEFENCE_SECURITY", "Quốc phòng và an ninh"),
            Map.entry("PROFESSIONAL", "Chuyên môn, nghiệp vụ"),
            Map.entry("DIGITAL_SKILLS", "Kỹ năng số, công nghệ thông tin"),
            Map.entry("FOREIGN_LANGUAGE", "Ngoại ngữ"),
            Map.entry("EDUCATION", "Trình độ chuyên môn"),
            Map.entry("IT", "Tin học"),
            Map.entry("OTHER", "Khác"),
            Map.entry("ELEMENTARY", "Sơ cấp"),
            Map.entry("INTERMEDIATE", "Trung cấp"),
            Map.entry("ADVANCED", "Cao cấp"),
            Map.entry("BACHELOR_OF_POLITICS", "Cử nhân chính trị"),
            Map.entry("SPECIALIST", "Chuyên viên"),
            Map.entry("PRINCIPAL_SPECIALIST", "Chuyên viên chính"),
            Map.entry("SENIOR_SPECIALIST", "Chuyên viên cao cấp"),
            Map.entry("GROUP_1", "Đối tượng 1"),
            Map.entry("GROUP_2", "Đối tượng 2"),
            Map.entry("GROUP_3", "Đối tượng 3"),
            Map.entry("GROUP_4", "Đối tượng 4"),
            Map.entry("DIVISION", "Cấp phòng"),
            Map.entry("DEPARTMENT", "Cấp sở"),
            Map.entry("COLLEGE", "Cao đẳng"),
            Map.entry("BACHELOR", "Đại học"),
            Map.entry("MASTER", "Thạc sĩ"),
            Map.entry("DOCTORATE", "Tiến sĩ"),
            Map.entry("CADRE", "Cán bộ"),
            Map.entry("CIVIL_SERVANT", "Công chức"),
            Map.entry("PUBLIC_EMPLOYEE", "Viên chức"),
            Map.entry("STATE_BUDGET", "Ngân sách nhà nước"),
            Map.entry("UNIT", "Kinh phí đơn vị"),
            Map.entry("SELF", "Cá nhân tự túc"),
            Map.entry("SPONSOR", "Tài trợ"),
            Map.entry("DOMESTIC", "Trong nước"),
            Map.entry("OVERSEAS", "Nước ngoài"),
            Map.entry("CONCENTRATED", "Tập trung"),
            Map.entry("PART_TIME", "Không tập trung"),
            Map.entry("WORKSHOP", "Tập huấn"),
            Map.entry("SEMINAR", "Hội thảo"),
            Map.entry("ONLINE", "Trực tuyến"),
            Map.entry("IN_PROGRESS", "Đang học"),
            Map.entry("COMPLETED", "Hoàn thành"),
            Map.entry("FAILED", "Không đạt"),
            Map.entry("WITHDRAWN", "Thôi học"),
            Map.entry("WITHDRAWN_EARLY", "Rút trước khai giảng"),
            Map.entry("ENTRY_EXAM_FAILED", "Không đạt sát hạch đầu vào"),
            Map.entry("CLASS_CANCELLED", "Lớp bị hủy"),
            Map.entry("REQUESTED", "Đã đăng ký"),
            Map.entry("NOMINATED", "Đã đề cử"),
            Map.entry("APPROVED", "Đã duyệt"),
            Map.entry("WAITLISTED", "Danh sách chờ"),
            Map.entry("REJECTED", "Từ chối"),
            Map.entry("MALE", "Nam"),
            Map.entry("FEMALE", "Nữ"));

    private Labels() {
    }

    public static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        return LABELS.getOrDefault(code, code);
    }
}
