package vn.gov.training.platform.imports;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** An import's template to download: its columns, the sheet's name, an example row and the file's name. */
public record ImportTemplate(TabularFile.Columns columns, String sheetName, List<String> example, String fileName) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * The template as the caller asks: {@code format=xlsx} (the default) or {@code csv}; without {@code format}, an
     * {@code Accept} of {@code text/csv} alone asks for CSV.
     */
    public Response response(String format, String accept) {
        boolean csv = format != null ? "csv".equalsIgnoreCase(format)
                : accept != null && accept.contains("text/csv") && !accept.contains(XLSX);
        return Response.ok(csv ? TabularFile.templateCsv(columns, example)
                        : TabularFile.templateXlsx(columns, sheetName, example))
                .type(csv ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "." + (csv ? "csv" : "xlsx")
                        + "\"").build();
    }
}
