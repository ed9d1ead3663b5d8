package vn.gov.training.course.service;

import vn.gov.training.platform.security.ScopeUnit;
import vn.gov.training.platform.time.ProvinceTime;

/** Checks that a unit named by a request exists in the copy of the organisation and has not been dissolved. */
final class Units {

    private Units() {
    }

    static void checkCurrent(Violations v, String field, String code) {
        ScopeUnit unit = ScopeUnit.findById(code);
        if (unit == null) {
            v.add(field, "unknown-unit", code);
        } else if (unit.validTo != null && !unit.validTo.isAfter(ProvinceTime.today())) {
            v.add(field, "unit-dissolved", code, unit.validTo);
        }
    }
}
