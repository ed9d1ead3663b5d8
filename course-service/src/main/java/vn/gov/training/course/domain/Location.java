package vn.gov.training.course.domain;

/** Where a class takes place (trong nước, nước ngoài). */
public enum Location {
    DOMESTIC, OVERSEAS
}
