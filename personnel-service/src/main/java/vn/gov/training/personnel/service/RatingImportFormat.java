package vn.gov.training.personnel.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.training.personnel.domain.RatingValue;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.CodeWords;
import vn.gov.training.platform.imports.ImportTemplate;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.vocabulary.Words;

/**
 * The yearly ratings file (read by the platform's {@link TabularFile}: .xlsx or .csv), one heading row with the
 * Vietnamese headings below, one person's rating of one year per row. The rating is a code, its Vietnamese words
 * ("Hoàn thành tốt nhiệm vụ") or their short form ("Tốt").
 */
public final class RatingImportFormat {

    private static final Words WORDS = Words.load(RatingImportFormat.class);

    /** Headings in template order, and the field each fills (the API's names). */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("Số định danh cá nhân", "nationalId");
        COLUMNS.put("Năm", "year");
        COLUMNS.put("Xếp loại", "rating");
    }

    /** Every heading is needed; a national ID typed into a number cell keeps its leading 0. */
    public static final TabularFile.Columns TABLE = TabularFile.Columns.of(COLUMNS, List.copyOf(COLUMNS.keySet()))
            .withLeadingZero("nationalId", 12);

    private static final Map<RatingValue, String> SHORT = Map.of(RatingValue.EXCELLENT, "Xuất sắc",
            RatingValue.GOOD, "Tốt", RatingValue.COMPLETED, "Hoàn thành", RatingValue.NOT_COMPLETED, "Không hoàn thành");
    private static final CodeWords RATINGS = new CodeWords();

    static {
        for (RatingValue value : RatingValue.values()) {
            RATINGS.add(value.name(), WORDS.find("rating." + value.name()), SHORT.get(value));
        }
    }

    private RatingImportFormat() {
    }

    /** A row's year and rating; a year that is not a number or an unknown rating is a cell error. */
    static RatingService.NewRating rating(TabularFile.Row row, List<CellError> errors) {
        String yearCell = row.cell("year");
        Integer year = null;
        if (yearCell != null) {
            try {
                year = Integer.valueOf(yearCell.strip());
            } catch (NumberFormatException e) {
                errors.add(new CellError("year", "year-invalid", yearCell));
            }
        }
        String ratingCell = row.cell("rating");
        String code = RATINGS.code(ratingCell);
        if (ratingCell != null && code == null) {
            errors.add(new CellError("rating", "unknown-value", ratingCell));
        }
        return new RatingService.NewRating(year, code == null ? null : RatingValue.valueOf(code));
    }

    private static final List<String> EXAMPLE = List.of("093185012345", "2024", "Hoàn thành tốt nhiệm vụ");

    /** The template: the heading row and one example row. */
    public static final ImportTemplate TEMPLATE = new ImportTemplate(TABLE, "Xếp loại hằng năm", EXAMPLE,
            "mau-xep-loai-hang-nam");
}
