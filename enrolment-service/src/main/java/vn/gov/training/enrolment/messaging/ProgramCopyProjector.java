package vn.gov.training.enrolment.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ProgramCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.EventTypes;
import vn.gov.training.platform.event.PoisonEventException;

/**
 * Upserts the programme copy from {@code program.*} events (full state, current version): the history import names
 * programmes by code or by category and level. Other events on the topic are skipped.
 */
@ApplicationScoped
public class ProgramCopyProjector {

    /** The fields of a programme event besides the programme itself. */
    public record ProgramStatus(String status) {
    }

    private final EventReader reader;

    ProgramCopyProjector(EventReader reader) {
        this.reader = reader;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (!"program".equals(EventTypes.aggregate(event.type()))) {
            return;
        }
        Refs.Program program = reader.read(event, Refs.Program.class);
        if (program.programId() == null || program.code() == null) {
            throw new PoisonEventException("program event " + event.id() + " without programId or code");
        }
        ProgramStatus status = reader.read(event, ProgramStatus.class);
        ProgramCopy copy = ProgramCopy.findById(program.programId());
        if (copy == null) {
            copy = new ProgramCopy();
            copy.programId = program.programId();
        }
        copy.code = program.code();
        copy.category = program.category();
        copy.level = program.level();
        copy.status = status.status() == null ? "PUBLISHED" : status.status();
        copy.program = program;
        copy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        copy.persist();
    }
}
