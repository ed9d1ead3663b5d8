package vn.gov.training.course.domain;

/** Who pays for a learner's place. */
public enum FundingSource {
    STATE_BUDGET, UNIT, SELF, SPONSOR
}
