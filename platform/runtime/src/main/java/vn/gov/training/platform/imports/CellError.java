package vn.gov.training.platform.imports;

/** A cell that could not be read as its field's type: the field, the message code and its argument (the cell). */
public record CellError(String field, String code, Object arg) {
}
