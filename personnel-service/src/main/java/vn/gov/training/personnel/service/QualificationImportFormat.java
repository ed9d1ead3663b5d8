package vn.gov.training.personnel.service;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Cells;
import vn.gov.training.platform.imports.CodeWords;
import vn.gov.training.platform.imports.ImportTemplate;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.vocabulary.Words;

/**
 * The levels file (read by the platform's {@link TabularFile}: .xlsx or .csv), one heading row with the Vietnamese
 * headings below, one level of one person per row. The kind and the level are codes or their Vietnamese words (the
 * system's vocabulary); dates dd/MM/yyyy (or ISO, or Excel dates).
 */
public final class QualificationImportFormat {

    private static final Words WORDS = Words.load(QualificationImportFormat.class);

    /** Headings in template order, and the field each fills (the API's names). */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("Số định danh cá nhân", "nationalId");
        COLUMNS.put("Loại trình độ", "kind");
        COLUMNS.put("Trình độ", "level");
        COLUMNS.put("Ngày cấp", "awardedOn");
        COLUMNS.put("Cơ sở đào tạo", "institution");
        COLUMNS.put("Số văn bằng", "credentialNumber");
    }

    /** Without the first four headings the file is refused; a national ID typed into a number cell keeps its 0. */
    public static final TabularFile.Columns TABLE = TabularFile.Columns.of(COLUMNS, List.of("Số định danh cá nhân",
            "Loại trình độ", "Trình độ", "Ngày cấp")).withLeadingZero("nationalId", 12);

    private static final CodeWords KINDS = new CodeWords();
    private static final Map<QualificationKind, CodeWords> LEVELS = new EnumMap<>(QualificationKind.class);

    static {
        for (QualificationKind kind : QualificationKind.values()) {
            KINDS.add(kind.name(), WORDS.find(kind.name()));
            CodeWords levels = new CodeWords();
            kind.levels().forEach(level -> levels.add(level, WORDS.level(kind.name(), level), WORDS.find(level)));
            LEVELS.put(kind, levels);
        }
    }

    private QualificationImportFormat() {
    }

    /**
     * A row's level; an unknown kind is a cell error, a level that is not a word of its kind is read as a code (the
     * free-coded kinds take any code; the single write's checks refuse the others).
     */
    static QualificationService.NewQualification qualification(TabularFile.Row row, List<CellError> errors) {
        String kindCell = row.cell("kind");
        QualificationKind kind = kindCell == null ? null : QualificationKind.parse(KINDS.code(kindCell));
        if (kindCell != null && kind == null) {
            errors.add(new CellError("kind", "unknown-value", kindCell));
        }
        String levelCell = row.cell("level");
        String level = kind == null ? null : LEVELS.get(kind).code(levelCell);
        if (level == null && levelCell != null) {
            level = levelCell.strip().toUpperCase(Locale.ROOT);
        }
        return new QualificationService.NewQualification(kind, level, Cells.date(row, "awardedOn", errors),
                row.cell("institution"), row.cell("credentialNumber"));
    }

    private static final List<String> EXAMPLE = List.of("093185012345", "Lý luận chính trị", "Trung cấp",
            "15/06/2015", "Trường Chính trị tỉnh Hậu Giang", "TC-2015-000123");

    /** The template: the heading row and one example row (intermediate political theory). */
    public static final ImportTemplate TEMPLATE = new ImportTemplate(TABLE, "Trình độ", EXAMPLE, "mau-trinh-do");
}
