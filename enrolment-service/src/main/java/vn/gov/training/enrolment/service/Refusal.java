package vn.gov.training.enrolment.service;

import vn.gov.training.platform.problem.ProblemException;

/** A hard eligibility rule the nomination breaks: 422 with the rule's stable code. */
public final class Refusal {

    private Refusal() {
    }

    public static ProblemException of(String rule, Object... args) {
        return new ProblemException(422, rule, args).with("rule", rule);
    }
}
