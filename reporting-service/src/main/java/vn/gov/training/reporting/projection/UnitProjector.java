package vn.gov.training.reporting.projection;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.reporting.projection.ConsumedEvents.OrgUnit;

/**
 * Effective-dated unit versions: each org-unit event states the unit as it is from its effectiveOn. Units whose top
 * of the chain of latest parents changes move to that anchor in the training roll-up.
 */
@ApplicationScoped
public class UnitProjector {

    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    private final EventReader reader;
    private final Sql sql;
    private final TrainingRollup rollup;

    UnitProjector(EventReader reader, Sql sql, TrainingRollup rollup) {
        this.reader = reader;
        this.sql = sql;
        this.rollup = rollup;
    }

    void apply(EventEnvelope event) {
        OrgUnit unit = reader.read(event, OrgUnit.class);
        if (unit.code() == null) {
            return;
        }
        LocalDate from = unit.effectiveOn() != null ? unit.effectiveOn()
                : unit.validFrom() != null ? unit.validFrom() : BEGINNING;
        sql.update("""
                insert into unit_version (code, effective_from, parent_code, name, kind, valid_from, valid_to, merged_into)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code, effective_from) do update set parent_code = excluded.parent_code,
                    name = excluded.name, kind = excluded.kind, valid_from = excluded.valid_from,
                    valid_to = excluded.valid_to, merged_into = excluded.merged_into""",
                unit.code(), from, unit.parentCode(), unit.name(), unit.kind(), unit.validFrom(), unit.validTo(),
                unit.mergedInto());
        rollup.unitChanged(unit.code());
    }
}
