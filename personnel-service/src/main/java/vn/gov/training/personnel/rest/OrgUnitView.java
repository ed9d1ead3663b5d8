package vn.gov.training.personnel.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.gov.training.personnel.domain.OrgUnitKind;
import vn.gov.training.personnel.domain.OrgUnitVersion;

/** A unit as the API shows it; {@code children} is filled only in the tree. */
public record OrgUnitView(String code, String name, OrgUnitKind kind, String parentCode, LocalDate validFrom,
                          LocalDate validTo, String mergedInto, List<OrgUnitView> children) {

    public static OrgUnitView of(OrgUnitVersion v) {
        return new OrgUnitView(v.code, v.name, v.kind, v.parentCode, v.validFrom, v.validTo, v.mergedInto, null);
    }

    static OrgUnitView node(OrgUnitVersion v) {
        return new OrgUnitView(v.code, v.name, v.kind, v.parentCode, v.validFrom, v.validTo, v.mergedInto,
                new ArrayList<>());
    }
}
