package vn.gov.training.reporting.projection;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the annual report (report 8, the Ministry of Home Affairs layout) counts: its training columns and funding
 * sources. annual_rollup keeps one measure per column and source, and the report reads them, so both sides take
 * them from here.
 */
public final class AnnualMeasures {

    /** A column: its key and heading, and the SQL condition that selects its turns (internal, not in the JSON). */
    public record Column(String key, String heading, @JsonIgnore String condition) {
    }

    /** The columns, each with the training_fact / enrolment condition that selects its turns. */
    public static final List<Column> COLUMNS = List.of(
            new Column("PT_ADVANCED", "LLCT cao cấp, cử nhân", "category = 'POLITICAL_THEORY' and level in ('ADVANCED', 'BACHELOR_OF_POLITICS')"),
            new Column("PT_INTERMEDIATE", "LLCT trung cấp", "category = 'POLITICAL_THEORY' and level = 'INTERMEDIATE'"),
            new Column("PT_ELEMENTARY", "LLCT sơ cấp", "category = 'POLITICAL_THEORY' and level = 'ELEMENTARY'"),
            new Column("SM_SENIOR", "QLNN chuyên viên cao cấp", "category = 'STATE_MANAGEMENT' and level = 'SENIOR_SPECIALIST'"),
            new Column("SM_PRINCIPAL", "QLNN chuyên viên chính", "category = 'STATE_MANAGEMENT' and level = 'PRINCIPAL_SPECIALIST'"),
            new Column("SM_SPECIALIST", "QLNN chuyên viên", "category = 'STATE_MANAGEMENT' and level not in ('SENIOR_SPECIALIST', 'PRINCIPAL_SPECIALIST')"),
            new Column("LEADERSHIP", "Lãnh đạo, quản lý", "category = 'LEADERSHIP'"),
            new Column("TITLE_BASED", "Theo chức danh", "category = 'TITLE_BASED'"),
            new Column("DEFENCE_1", "QP-AN đối tượng 1", "category = 'DEFENCE_SECURITY' and level = 'GROUP_1'"),
            new Column("DEFENCE_2", "QP-AN đối tượng 2", "category = 'DEFENCE_SECURITY' and level = 'GROUP_2'"),
            new Column("DEFENCE_3", "QP-AN đối tượng 3", "category = 'DEFENCE_SECURITY' and level = 'GROUP_3'"),
            new Column("DEFENCE_4", "QP-AN đối tượng 4", "category = 'DEFENCE_SECURITY' and level not in ('GROUP_1', 'GROUP_2', 'GROUP_3')"),
            new Column("KNOWLEDGE_UPDATE", "Cập nhật kiến thức", "category = 'KNOWLEDGE_UPDATE'"),
            new Column("DOCTORATE", "Tiến sĩ", "category = 'PROFESSIONAL' and level = 'DOCTORATE'"),
            new Column("MASTER", "Thạc sĩ", "category = 'PROFESSIONAL' and level = 'MASTER'"),
            new Column("BACHELOR", "Đại học", "category = 'PROFESSIONAL' and level in ('BACHELOR', 'COLLEGE')"),
            new Column("PROFESSIONAL", "Chuyên môn, nghiệp vụ khác", "category = 'PROFESSIONAL' and level not in ('DOCTORATE', 'MASTER', 'BACHELOR', 'COLLEGE')"),
            new Column("DIGITAL_SKILLS", "Kỹ năng số, CNTT", "category = 'DIGITAL_SKILLS'"),
            new Column("FOREIGN_LANGUAGE", "Ngoại ngữ", "category = 'FOREIGN_LANGUAGE'"),
            new Column("OVERSEAS", "Trong đó: ở nước ngoài", "location = 'OVERSEAS'"));

    public static final List<String> SOURCES = List.of("STATE_BUDGET", "UNIT", "SELF", "SPONSOR");

    private AnnualMeasures() {
    }
}
