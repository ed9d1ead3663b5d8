import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A national delivery's three writes (insert PENDING, update SENT, update ACCEPTED) with national_delivery's indexes
 * before migration V13 (partial indexes on status: no HOT update) and after it (no index on status, fillfactor 60, the
 * open deliveries apart in a table kept by triggers), on copies of the first N deliveries of the running stack's
 * personnel database (run the pipeline benchmark first). Batches of 100, each statement its own transaction, as the
 * connector writes them; then a vacuum of what they left. Prints per round and layout the seconds and WAL of the
 * writes and of the vacuum, the share of HOT updates and the size. Run by deploy/bench/delivery-writes; drops its tables at the
 * end.
 */
public class DeliveryWrites {

    private static final String SETUP = """
            drop table if exists ab_before, ab_after, ab_after_open cascade;
            drop sequence if exists ab_sequence;
            create sequence ab_sequence;
            create table ab_before (like national_delivery including defaults);
            alter table ab_before alter column sequence set default nextval('ab_sequence');
            create unique index on ab_before (id);
            create unique index on ab_before (sequence);
            create index on ab_before (person_id, section, section_key, sequence);
            create index on ab_before (person_id, sequence) where status <> 'ACCEPTED';
            create index on ab_before (sequence) where status in ('PENDING', 'OVERDUE', 'SENT');
            create table ab_after (like national_delivery including defaults) with (fillfactor = 60);
            alter table ab_after alter column sequence set default nextval('ab_sequence');
            create unique index on ab_after (id);
            create unique index on ab_after (sequence);
            create index on ab_after (person_id, section, section_key, sequence);
            create table ab_after_open (sequence bigint primary key, person_id uuid not null, deadline date not null);
            create index on ab_after_open (person_id, sequence);
            create or replace function ab_after_inserted() returns trigger language plpgsql as $$ begin
                insert into ab_after_open select sequence, person_id, deadline from added where status <> 'ACCEPTED';
                return null;
            end $$;
            create or replace function ab_after_updated() returns trigger language plpgsql as $$ begin
                delete from ab_after_open
                    where sequence = any (array(select sequence from new_rows where status = 'ACCEPTED'));
                insert into ab_after_open select a.sequence, a.person_id, a.deadline
                    from new_rows a join old_rows b on b.id = a.id
                    where b.status = 'ACCEPTED' and a.status <> 'ACCEPTED' on conflict do nothing;
                return null;
            end $$;
            create trigger ab_after_inserted after insert on ab_after referencing new table as added
                for each statement execute function ab_after_inserted();
            create trigger ab_after_updated after update on ab_after referencing old table as old_rows
                new table as new_rows for each statement execute function ab_after_updated();
            """;

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getenv().getOrDefault("N", "50000"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
        String url = System.getenv("POSTGRES_URL") + "personnel";
        try (Connection c = DriverManager.getConnection(url, System.getenv("POSTGRES_SUPERUSER"),
                System.getenv("POSTGRES_SUPERPASSWORD"))) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists ab_source");
                s.execute("create table ab_source as select d.*, (row_number() over (order by sequence) - 1) / 100"
                        + " as batch from national_delivery d order by sequence limit " + n);
                s.execute("alter table ab_source drop column sequence"); // each copy takes sequences of its own
                s.execute("create index on ab_source (batch)");
                s.execute("analyze ab_source");
            }
            long copied = one(c, "select count(*) from ab_source");
            System.out.printf("delivery writes: %,d deliveries copied from the stack's, %d rounds%n", copied, rounds);
            for (int round = 1; round <= rounds; round++) {
                try (Statement s = c.createStatement()) {
                    s.execute(SETUP);
                    s.execute("checkpoint");
                }
                for (String table : new String[] {"ab_before", "ab_after"}) {
                    System.out.printf("round %d %s%n", round, measure(c, url, table));
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists ab_before, ab_after, ab_after_open, ab_source cascade");
                s.execute("drop function if exists ab_after_inserted(), ab_after_updated()");
                s.execute("drop sequence if exists ab_sequence");
            }
        }
    }

    /** The writes on a connection of their own, closed before the counts are read: it reports its statistics. */
    private static String measure(Connection c, String url, String table) throws SQLException {
        long batches = one(c, "select coalesce(max(batch), -1) + 1 from ab_source");
        long wal = wal(c);
        long start = System.nanoTime();
        try (Connection w = DriverManager.getConnection(url, System.getenv("POSTGRES_SUPERUSER"),
                System.getenv("POSTGRES_SUPERPASSWORD"))) {
            write(w, table, batches);
        }
        double writes = (System.nanoTime() - start) / 1e9;
        return finish(c, table, wal, writes);
    }

    private static void write(Connection c, String table, long batches) throws SQLException {
        String columns = "id, person_id, section, section_key, content, status, revision, recorded_on, deadline,"
                + " overdue_at, attempts, next_attempt_at, last_attempt_at, last_error, rejection, receipt, accepted_at,"
                + " created_at";
        try (PreparedStatement insert = c.prepareStatement("insert into " + table + " (" + columns + ") select "
                + columns + " from ab_source where batch = ?")) {
            for (int b = 0; b < batches; b++) {
                insert.setInt(1, b);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement sent = c.prepareStatement("update " + table + " set status = 'SENT',"
                + " attempts = attempts + 1, last_attempt_at = now() where id in (select id from ab_source where batch = ?)");
             PreparedStatement accepted = c.prepareStatement("update " + table + " set status = 'ACCEPTED',"
                     + " receipt = 'NR-' || id, accepted_at = now(), last_error = null, rejection = null"
                     + " where id in (select id from ab_source where batch = ?) and status = 'SENT'")) {
            for (int b = 0; b < batches; b++) {
                sent.setInt(1, b);
                sent.executeUpdate();
                accepted.setInt(1, b);
                accepted.executeUpdate();
            }
        }
    }

    private static String finish(Connection c, String table, long wal, double writes) throws SQLException {
        long afterWrites = wal(c);
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("vacuum " + table);
            if (table.equals("ab_after")) {
                s.execute("vacuum ab_after_open");
            }
        }
        double vacuum = (System.nanoTime() - start) / 1e9;
        long afterVacuum = wal(c);
        String hot;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select n_tup_hot_upd, n_tup_upd"
                + " from pg_stat_user_tables where relname = '" + table + "'")) {
            rs.next();
            hot = rs.getLong(1) + " of " + rs.getLong(2);
        }
        long size = one(c, "select pg_total_relation_size('" + table + "')"
                + (table.equals("ab_after") ? " + pg_total_relation_size('ab_after_open')" : ""));
        return String.format("%-9s writes %5.1f s, WAL %6.1f MB; vacuum %4.1f s, WAL %4.1f MB; HOT updates %s;"
                        + " size %d MB", table, writes, (afterWrites - wal) / 1048576.0, vacuum,
                (afterVacuum - afterWrites) / 1048576.0, hot, size >> 20);
    }

    /** Where the WAL is, in bytes: exact at once, where pg_stat_wal waits for the writing backend to report. */
    private static long wal(Connection c) throws SQLException {
        return one(c, "select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint");
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
