package vn.gov.training.course.domain;

/** One payer's share of a learner's cost, in percent; a class's shares sum to 100. */
public record FundingShare(FundingSource source, int percent) {
}
