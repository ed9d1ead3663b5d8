package vn.gov.training.course.rest;

import vn.gov.training.course.domain.Institution;
import vn.gov.training.course.domain.InstitutionKind;

public record InstitutionView(String code, String name, InstitutionKind kind, String country) {

    static InstitutionView of(Institution i) {
        return new InstitutionView(i.code, i.name, i.kind, i.country);
    }
}
