package vn.gov.training.personnel.domain;

/** Yearly evaluation (đánh giá, xếp loại) of a staff member. */
public enum RatingValue {
    EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED
}
