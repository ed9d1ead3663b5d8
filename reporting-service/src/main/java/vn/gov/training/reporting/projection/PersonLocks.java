package vn.gov.training.reporting.projection;

import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialises a transaction with any other that projects one of the same people, until commit. The personnel and
 * enrolment topics are consumed concurrently: without it, an enrolment or commitment written while the person's own
 * event is in flight reads "person unknown", and the person's transaction, not seeing the uncommitted row, does not
 * correct it. Under READ COMMITTED the statements after the lock see what the other transaction committed. A batch
 * takes the locks of all its people at once, in ascending order, so two batches never wait for each other in a
 * circle. The keys belong to the read model's schema (the search path's first), so the generations of a rebuild never
 * serialise with each other.
 */
@ApplicationScoped
public class PersonLocks {

    private final Sql sql;

    PersonLocks(Sql sql) {
        this.sql = sql;
    }

    void lock(Collection<UUID> people) {
        String[] keys = people.stream().filter(Objects::nonNull).mapToLong(PersonLocks::key).distinct().sorted()
                .mapToObj(Long::toString).toArray(String[]::new);
        if (keys.length > 0) {
            // keyed by the read model's schema too: a rebuild's generation and the live one never wait for each other
            sql.execute("select pg_advisory_xact_lock(k # cast(hashtext(current_schema()) as bigint))"
                            + " from unnest(cast(? as bigint[])) k",
                    new Sql.TextArray(keys));
        }
    }

    private static long key(UUID personnelId) {
        return personnelId.getMostSignificantBits() ^ personnelId.getLeastSignificantBits();
    }
}
