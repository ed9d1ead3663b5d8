package vn.gov.training.personnel.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import vn.gov.training.personnel.domain.JobPosition;
import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Rank;
import vn.gov.training.personnel.domain.Title;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The codes a staff record may refer to, read once (an import validates thousands of rows against them): units valid
 * today with their parents, ranks, titles, and job positions with the unit each belongs to (none: every unit's).
 */
public record ReferenceCodes(Map<String, String> unitParents, Set<String> ranks, Set<String> titles,
                             Map<String, String> jobPositionUnits) {

    /** Needs an active transaction or session. */
    public static ReferenceCodes current() {
        Map<String, String> units = new HashMap<>();
        OrgUnitVersion.allOn(ProvinceTime.today()).forEach(u -> units.put(u.code, u.parentCode));
        Set<String> ranks = new HashSet<>();
        Rank.<Rank>listAll().forEach(r -> ranks.add(r.code));
        Set<String> titles = new HashSet<>();
        Title.<Title>listAll().forEach(t -> titles.add(t.code));
        Map<String, String> positions = new HashMap<>();
        JobPosition.<JobPosition>listAll().forEach(j -> positions.put(j.code, j.orgUnitCode));
        return new ReferenceCodes(units, ranks, titles, positions);
    }

    public boolean isUnit(String code) {
        return unitParents.containsKey(code);
    }

    public boolean isJobPosition(String code) {
        return jobPositionUnits.containsKey(code);
    }

    /** Whether a holder in the unit may have the job position: it is every unit's, the unit's or an ancestor's. */
    public boolean jobPositionServes(String position, String unit) {
        String owner = jobPositionUnits.get(position);
        for (String u = unit; owner != null && u != null; u = unitParents.get(u)) {
            if (u.equals(owner)) {
                return true;
            }
        }
        return owner == null;
    }
}
