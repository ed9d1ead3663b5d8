package vn.gov.training.course.service;

import java.util.List;

import vn.gov.training.course.domain.ProgramCategory;

/**
 * The content of an annual plan that a user enters. The shape of each field is checked where it comes in; the
 * rules that span fields are the service's.
 */
public record PlanFields(Integer year, String orgUnitCode, List<Item> items, String note) {

    public record Item(ProgramCategory category, String level, Integer plannedClasses, Integer targetLearners) {
    }
}
