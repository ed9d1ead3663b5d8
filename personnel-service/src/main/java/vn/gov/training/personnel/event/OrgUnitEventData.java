package vn.gov.training.personnel.event;

import java.time.LocalDate;

/**
 * Data of every {@code vn.gov.training.org-unit.*.v1} event (topic {@code org-unit}, key = unit code): the unit's
 * full state from {@code effectiveOn}, so a consumer needs no call back. Schema: {@code events/org-unit.schema.json}.
 *
 * @param validFrom   when the unit was established
 * @param validTo     when it ceased to exist (merged or dissolved), else null
 * @param mergedInto  for {@code merged}: the unit it was merged into
 * @param effectiveOn the date from which this state holds
 */
public record OrgUnitEventData(String code, String name, String kind, String parentCode, LocalDate validFrom,
                               LocalDate validTo, String mergedInto, LocalDate effectiveOn) {

    public static final String TOPIC = "org-unit";
    public static final String AGGREGATE = "org-unit";
}
