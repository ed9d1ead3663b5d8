package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.gov.training.platform.text.VietnameseText;

/**
 * Names sort the Vietnamese way (a < ă < â, d < đ, tones after letters) instead of by their folded text, in which
 * "Ân" and "An" tied: {@code sort_key} becomes the byte key of {@link VietnameseText#nameSortKey}, computed here for
 * every existing record because only Java knows the collation.
 */
public class V4__vietnamese_name_order extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table person add column name_order bytea");
        }
        try (PreparedStatement read = connection.prepareStatement("select id, full_name from person");
             PreparedStatement write = connection.prepareStatement("update person set name_order = ? where id = ?")) {
            read.setFetchSize(BATCH);
            try (ResultSet people = read.executeQuery()) {
                int pending = 0;
                while (people.next()) {
                    write.setBytes(1, VietnameseText.nameSortKey(people.getString(2)));
                    write.setObject(2, people.getObject(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table person alter column name_order set not null");
            ddl.execute("drop index person_sort");
            ddl.execute("drop index person_unit");
            ddl.execute("alter table person drop column sort_key");
            ddl.execute("alter table person rename column name_order to sort_key");
            ddl.execute("create index person_sort on person (sort_key, id)");
            ddl.execute("create index person_unit on person (org_unit_code, sort_key)");
        }
    }
}
