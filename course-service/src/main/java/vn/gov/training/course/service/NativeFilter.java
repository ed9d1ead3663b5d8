package vn.gov.training.course.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** A native SQL where-clause built from the filters a caller gave, with positional parameters. */
final class NativeFilter {

    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code condition}, whose {@code ?} stands for {@code value}, unless the value is null. */
    NativeFilter and(String condition, Object value) {
        if (value != null) {
            parameters.add(value);
            where.append(" and ").append(condition.replace("?", "?" + parameters.size()));
        }
        return this;
    }

    NativeFilter and(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    Query query(EntityManager em, String select) {
        Query query = em.createNativeQuery(select + where);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    Query query(EntityManager em, String select, String suffix) {
        Query query = em.createNativeQuery(select + where + " " + suffix);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
