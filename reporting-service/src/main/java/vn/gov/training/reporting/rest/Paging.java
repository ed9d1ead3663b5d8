package vn.gov.training.reporting.rest;

import java.util.Collection;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/** Checks of the query parameters shared by the reports. */
final class Paging {

    private Paging() {
    }

    static int page(int page) {
        if (page < 0) {
            throw ProblemException.invalid("report-parameter-invalid", "page");
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > 500) {
            throw ProblemException.invalid("report-parameter-invalid", "size");
        }
        return size;
    }

    /** A parameter that is either absent or one of the given values. */
    static String oneOf(String name, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.invalid("report-parameter-invalid", name);
        }
        return value;
    }

    static int year(Integer year) {
        if (year == null) {
            return ProvinceTime.today().getYear();
        }
        if (year < 1900 || year > 2999) {
            throw ProblemException.invalid("report-parameter-invalid", "year");
        }
        return year;
    }
}
