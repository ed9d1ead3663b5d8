package vn.gov.training.course.rest;

/** Shapes of the codes the API accepts. */
final class Codes {

    /** Institution, programme, class and unit codes: capitals, digits, dot, dash, underscore; at most 50. */
    static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,49}";

    private Codes() {
    }
}
