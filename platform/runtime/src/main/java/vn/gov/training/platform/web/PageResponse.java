package vn.gov.training.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so that clients can page. Pages count from 0. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
