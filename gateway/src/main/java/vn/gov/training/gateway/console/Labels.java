package vn.gov.training.gateway.console;

import java.util.HashMap;
import java.util.Map;

/** Vietnamese labels of the codes and field names the services use; an unknown code is shown as it is. */
public final class Labels {

    private static final Map<String, String> CODES = new HashMap<>();
    private static final Map<String, String> FIELDS = new HashMap<>();
    /** How report 7 counts a commitment, and a repayment case's status: OPEN means something else there. */
    private static final Map<String, String> COMMITMENT_STATES = Map.of("OPEN", "Đang thực hiện",
            "FULFILLED", "Đã hoàn thành", "BREACHED", "Vi phạm", "RELEASED", "Chấm dứt, không phải đền bù");
    private static final Map<String, String> REPAYMENT_STATUSES = Map.of("OPEN", "Chưa quyết định",
            "DECIDED", "Đã quyết định", "PAID", "Đã đền bù", "WAIVED", "Được miễn");

    static {
        code("CADRE", "Cán bộ"); code("CIVIL_SERVANT", "Công chức"); code("PUBLIC_EMPLOYEE", "Viên chức");
        code("MALE", "Nam"); code("FEMALE", "Nữ"); code("OTHER", "Khác");
        code("ACTIVE", "Đang công tác"); code("ON_LEAVE", "Tạm nghỉ"); code("LEFT", "Đã nghỉ");
        code("POLITICAL_THEORY", "Lý luận chính trị"); code("STATE_MANAGEMENT", "Quản lý nhà nước");
        code("LEADERSHIP", "Lãnh đạo, quản lý"); code("TITLE_BASED", "Theo chức danh");
        code("KNOWLEDGE_UPDATE", "Cập nhật kiến thức"); code("DEFENCE_SECURITY", "Quốc phòng - an ninh");
        code("PROFESSIONAL", "Chuyên môn, nghiệp vụ"); code("DIGITAL_SKILLS", "Kỹ năng số");
        code("FOREIGN_LANGUAGE", "Ngoại ngữ"); code("EDUCATION", "Trình độ chuyên môn"); code("IT", "Tin học");
        code("ELEMENTARY", "Sơ cấp"); code("INTERMEDIATE", "Trung cấp"); code("ADVANCED", "Cao cấp");
        code("BACHELOR_OF_POLITICS", "Cử nhân chính trị"); code("BACHELOR", "Đại học"); code("MASTER", "Thạc sĩ");
        code("DOCTORATE", "Tiến sĩ"); code("SPECIALIST", "Chuyên viên");
        code("PRINCIPAL_SPECIALIST", "Chuyên viên chính"); code("SENIOR_SPECIALIST", "Chuyên viên cao cấp");
        code("GROUP_1", "Đối tượng 1"); code("GROUP_2", "Đối tượng 2"); code("GROUP_3", "Đối tượng 3");
        code("GROUP_4", "Đối tượng 4"); code("DIVISION", "Cấp phòng"); code("DEPARTMENT", "Cấp sở");
        code("CONCENTRATED", "Tập trung"); code("PART_TIME", "Không tập trung"); code("WORKSHOP", "Hội thảo");
        code("SEMINAR", "Tọa đàm"); code("ONLINE", "Trực tuyến"); code("DOMESTIC", "Trong nước");
        code("OVERSEAS", "Nước ngoài");
        code("DRAFT", "Dự thảo"); code("PUBLISHED", "Đã ban hành"); code("RETIRED", "Ngừng sử dụng");
        code("APPROVED", "Đã duyệt"); code("PLANNED", "Dự kiến"); code("OPEN", "Đang nhận đăng ký");
        code("IN_PROGRESS", "Đang học"); code("COMPLETED", "Hoàn thành"); code("CANCELLED", "Đã hủy");
        code("NOMINATED", "Đã đề cử"); code("REJECTED", "Từ chối"); code("WAITLISTED", "Danh sách chờ");
        code("WITHDRAWN", "Thôi học"); code("FAILED", "Không đạt"); code("REQUESTED", "Đã đăng ký");
        code("DECLINED", "Đã từ chối"); code("WITHDRAWN_EARLY", "Rút trước khai giảng");
        code("ENTRY_EXAM_FAILED", "Không đạt sát hạch đầu vào"); code("CLASS_CANCELLED", "Lớp bị hủy");
        code("FIT", "Phù hợp"); code("WARN", "Cần xem xét"); code("MISFIT", "Không phù hợp");
        code("EXCELLENT", "Xuất sắc"); code("GOOD", "Giỏi"); code("FAIR", "Khá"); code("AVERAGE", "Trung bình");
        code("PRESENT", "Có mặt"); code("ABSENT", "Vắng"); code("EXCUSED", "Vắng có phép");
        code("STATE_BUDGET", "Ngân sách nhà nước"); code("UNIT", "Đơn vị"); code("SELF", "Cá nhân tự túc");
        code("SPONSOR", "Tài trợ"); code("REMOVED", "Đưa ra khỏi quy hoạch"); code("APPOINTED", "Đã bổ nhiệm");
        code("DIPLOMA", "Bằng"); code("CERTIFICATE", "Chứng chỉ"); code("ATTESTATION", "Giấy chứng nhận");
        code("NONE", "Không");
        code("APPLIED", "Đã ghi"); code("UNCHANGED", "Không đổi (đã ghi trước đó)");
        code("NOT_APPLIED", "Chưa ghi (tệp có dòng lỗi)"); code("RUNNING", "Đang xử lý");
        code("MANUAL", "Nhập tay"); code("IMPORT", "Nhập từ tệp"); code("ENROLMENT", "Từ kết quả đào tạo");
        code("DECIDED", "Đã quyết định");
        code("PENDING", "Chờ xử lý");
        code("personnel", "Hồ sơ cán bộ"); code("course", "Chương trình, lớp học");
        code("enrolment", "Cử đi học, kết quả"); code("reporting", "Báo cáo");
        code("COLLEGE", "Cao đẳng"); code("BASIC", "Cơ bản"); code("A1", "Bậc 1 (A1)"); code("A2", "Bậc 2 (A2)");
        code("B1", "Bậc 3 (B1)"); code("B2", "Bậc 4 (B2)"); code("C1", "Bậc 5 (C1)"); code("C2", "Bậc 6 (C2)");
        code("TITLE", "Chức vụ"); code("JOB_POSITION", "Vị trí việc làm"); code("PLANNED_TITLE", "Chức danh quy hoạch");
        code("CENTRAL", "Thuộc diện Bộ Chính trị, Ban Bí thư quản lý");
        code("PROVINCIAL_STANDING_COMMITTEE", "Thuộc diện Ban Thường vụ Tỉnh ủy quản lý");
        code("DISTRICT_STANDING_COMMITTEE", "Thuộc diện Ban Thường vụ Huyện ủy quản lý"); code("PAID", "Đã đền bù"); code("WAIVED", "Được miễn");

        field("nationalId", "Số định danh cá nhân"); field("fullName", "Họ và tên");
        field("dateOfBirth", "Ngày sinh"); field("gender", "Giới tính"); field("ethnicity", "Dân tộc");
        field("category", "Đối tượng"); field("orgUnitCode", "Đơn vị"); field("jobPositionCode", "Vị trí việc làm");
        field("titleCode", "Chức vụ"); field("rankCode", "Ngạch"); field("managementTier", "Diện quản lý");
        field("startedServiceOn", "Ngày bắt đầu công tác"); field("email", "Thư điện tử");
        field("phone", "Điện thoại"); field("status", "Trạng thái"); field("classId", "Lớp");
        field("personnelId", "Cán bộ"); field("decisionNumber", "Số quyết định"); field("decisionDate", "Ngày quyết định");
        field("justification", "Lý do giải trình"); field("fundingSource", "Nguồn kinh phí");
        field("fundingAmountVnd", "Kinh phí (đồng)"); field("grade", "Xếp loại");
        field("credentialNumber", "Số văn bằng/chứng chỉ"); field("credentialIssuedOn", "Ngày cấp");
        field("periodsAttended", "Số tiết tham gia"); field("reason", "Lý do");
        field("enrolmentId", "Mã đề cử"); field("outcome", "Kết quả"); field("date", "Ngày");
        field("sessionId", "Buổi học"); field("entries", "Danh sách điểm danh"); field("rows", "Các dòng");
        field("mode", "Cách nhập"); field("programCode", "Mã chương trình");
        field("programCategory", "Loại chương trình"); field("programLevel", "Trình độ"); field("classCode", "Mã lớp");
        field("institutionCode", "Mã cơ sở đào tạo"); field("startDate", "Ngày bắt đầu");
        field("endDate", "Ngày kết thúc"); field("result", "Kết quả"); field("completedOn", "Ngày hoàn thành");
        field("costVnd", "Kinh phí (VND)");
    }

    private Labels() {
    }

    private static void code(String code, String label) {
        CODES.put(code, label);
    }

    private static void field(String name, String label) {
        FIELDS.put(name, label);
    }

    public static String of(Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString();
        return CODES.getOrDefault(key, key);
    }

    public static String commitmentState(Object code) {
        return code == null ? "" : COMMITMENT_STATES.getOrDefault(code.toString(), code.toString());
    }

    public static String repaymentStatus(Object code) {
        return code == null ? "" : REPAYMENT_STATUSES.getOrDefault(code.toString(), code.toString());
    }

    public static String field(String name) {
        return FIELDS.getOrDefault(name, name);
    }
}
