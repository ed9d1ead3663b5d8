package vn.gov.training.reporting.service;

import java.util.ArrayList;
import java.util.List;

import vn.gov.training.reporting.projection.Sql;

/** A where clause built from the filters given; filters left out add nothing (so indexes stay usable). */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public Where and(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    public Where andIf(Object value, String condition) {
        if (value != null) {
            and(condition, value);
        }
        return this;
    }

    public Where units(String column, List<String> codes) {
        if (codes != null) {
            and(column + " = any(?)", Sql.texts(codes));
        }
        return this;
    }

    public String sql() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    public Object[] params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
