package vn.gov.training.platform.security;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;

/**
 * Keeps the {@link ScopeUnit} copy from personnel-service's {@code org-unit} events. A service wires it to its
 * own {@code @Incoming} channel through the idempotent consumer.
 */
@ApplicationScoped
public class ScopeUnitProjector {

    /** The fields of the org-unit events this copy uses; the producer's schema has more. */
    public record OrgUnitData(String code, String parentCode, String name, String kind, LocalDate validFrom,
                              LocalDate validTo) {
    }

    private final EventReader reader;

    ScopeUnitProjector(EventReader reader) {
        this.reader = reader;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        OrgUnitData data = reader.read(event, OrgUnitData.class);
        ScopeUnit unit = ScopeUnit.findById(data.code());
        if (unit == null) {
            unit = new ScopeUnit();
            unit.code = data.code();
            unit.persist();
        }
        unit.parentCode = data.parentCode();
        unit.name = data.name();
        unit.kind = data.kind();
        unit.validFrom = data.validFrom();
        unit.validTo = data.validTo();
    }
}
