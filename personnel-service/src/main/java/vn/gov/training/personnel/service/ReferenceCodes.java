package vn.gov.training.personnel.service;

import java.util.HashSet;
import java.util.Set;

import vn.gov.training.personnel.domain.JobPosition;
import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Rank;
import vn.gov.training.personnel.domain.Title;
import vn.gov.training.platform.time.ProvinceTime;

/** The codes a staff record may refer to, read once (an import validates thousands of rows against them). */
public record ReferenceCodes(Set<String> units, Set<String> ranks, Set<String> titles, Set<String> jobPositions) {

    /** Units valid today, and every rank, title and job position. Needs an active transaction or session. */
    public static ReferenceCodes current() {
        Set<String> units = new HashSet<>();
        OrgUnitVersion.allOn(ProvinceTime.today()).forEach(u -> units.add(u.code));
        Set<String> ranks = new HashSet<>();
        Rank.<Rank>listAll().forEach(r -> ranks.add(r.code));
        Set<String> titles = new HashSet<>();
        Title.<Title>listAll().forEach(t -> titles.add(t.code));
        Set<String> positions = new HashSet<>();
        JobPosition.<JobPosition>listAll().forEach(j -> positions.add(j.code));
        return new ReferenceCodes(units, ranks, titles, positions);
    }
}
