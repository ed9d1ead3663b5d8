package vn.gov.training.personnel.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.security.UnitHierarchy;
import vn.gov.training.platform.time.ProvinceTime;

/** personnel-service owns the units, so its scope checks read its own tree (today's), not a copy. */
@ApplicationScoped
public class OrgUnitHierarchy implements UnitHierarchy {

    private final OrgUnitService units;

    OrgUnitHierarchy(OrgUnitService units) {
        this.units = units;
    }

    @Override
    public boolean isWithin(String unitCode, String ancestorCode) {
        return subtree(ancestorCode).contains(unitCode);
    }

    @Override
    public Set<String> subtree(String rootCode) {
        return units.subtreeOn(rootCode, ProvinceTime.today());
    }
}
