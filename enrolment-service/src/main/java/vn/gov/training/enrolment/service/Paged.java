package vn.gov.training.enrolment.service;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** One page of a query's results and the total count of the query. */
public record Paged<T>(List<T> items, long total) {

    static <T> Paged<T> of(PanacheQuery<T> query, int page, int size) {
        return new Paged<>(query.page(Page.of(page, size)).list(), query.count());
    }

    public <R> List<R> map(Function<T, R> view) {
        return items.stream().map(view).toList();
    }
}
