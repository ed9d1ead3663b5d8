package vn.gov.training.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Interceptor;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;

/**
 * Every text an entity is about to write is checked against its column's own length ({@code varchar(n)}, read from
 * the database's catalogue once) before the statement is sent: a field the request did not limit with a shorter
 * {@code @Size} is a 400 field error ({@code text-too-long}) at the entity's property, never PostgreSQL's
 * "value too long" as a 500. The request-level limits ({@code @Size}, {@code StrictJson}) come first; this is the
 * net under them for every entity of every service.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ColumnLimits implements Interceptor {

    private final Instance<EntityManagerFactory> factory;
    private final Instance<DataSource> dataSource;
    private final Instance<Messages> messages;
    /** Per entity class: property name to the column's maximum length (only limited text columns). */
    private final Map<Class<?>, Map<String, Integer>> limits = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> columns;

    ColumnLimits(Instance<EntityManagerFactory> factory, Instance<DataSource> dataSource, Instance<Messages> messages) {
        this.factory = factory;
        this.dataSource = dataSource;
        this.messages = messages;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        check(entity, state, propertyNames);
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        check(entity, currentState, propertyNames);
        return false;
    }

    private void check(Object entity, Object[] state, String[] propertyNames) {
        if (state == null || propertyNames == null) {
            return;
        }
        Map<String, Integer> limited = null;
        for (int i = 0; i < state.length && i < propertyNames.length; i++) {
            if (!(state[i] instanceof String text)) {
                continue;
            }
            if (limited == null) {
                limited = limitsOf(entity.getClass());
            }
            Integer max = limited.get(propertyNames[i]);
            if (max != null && text.length() > max) {
                throw ProblemException.invalid(List.of(messages.get().fieldError(propertyNames[i], "text-too-long",
                        max)));
            }
        }
    }

    private Map<String, Integer> limitsOf(Class<?> type) {
        return limits.computeIfAbsent(type, this::readLimits);
    }

    private Map<String, Integer> readLimits(Class<?> type) {
        Map<String, Integer> result = new HashMap<>();
        EntityPersister persister;
        try {
            persister = factory.get().unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                    .getEntityDescriptor(type);
        } catch (RuntimeException notAnEntity) {
            return result;
        }
        if (!(persister instanceof AbstractEntityPersister entityPersister)) {
            return result;
        }
        String table = unqualified(entityPersister.getIdentifierTableName());
        String[] names = entityPersister.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            String[] propertyColumns = entityPersister.getPropertyColumnNames(i);
            if (propertyColumns != null && propertyColumns.length == 1) {
                Integer max = columns().get(table + "." + unqualified(propertyColumns[0]));
                if (max != null) {
                    result.put(names[i], max);
                }
            }
        }
        return result;
    }

    private Map<String, Integer> columns() {
        Map<String, Integer> known = columns;
        if (known == null) {
            known = new HashMap<>();
            try (Connection db = dataSource.get().getConnection();
                 PreparedStatement sql = db.prepareStatement("select table_name, column_name, "
                         + "character_maximum_length from information_schema.columns where table_schema = "
                         + "current_schema() and character_maximum_length is not null");
                 ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1) + "." + rs.getString(2), rs.getInt(3));
                }
            } catch (SQLException e) {
                // without the catalogue the database itself still refuses the value (mapped to a 400)
                return Map.of();
            }
            columns = known;
        }
        return known;
    }

    private static String unqualified(String name) {
        String plain = name.substring(name.lastIndexOf('.') + 1);
        return plain.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
