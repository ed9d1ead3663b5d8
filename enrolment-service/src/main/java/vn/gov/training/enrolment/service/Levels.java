package vn.gov.training.enrolment.service;

import java.util.List;
import java.util.Map;

import vn.gov.training.enrolment.domain.PersonCopy;

/** Whether a person holds a level: the same level, or a higher one where the kind's levels are ordered. */
final class Levels {

    private static final Map<String, List<String>> ORDER = Map.of(
            "EDUCATION", List.of("COLLEGE", "BACHELOR", "MASTER", "DOCTORATE"),
            "POLITICAL_THEORY", List.of("ELEMENTARY", "INTERMEDIATE", "ADVANCED", "BACHELOR_OF_POLITICS"),
            "STATE_MANAGEMENT", List.of("SPECIALIST", "PRINCIPAL_SPECIALIST", "SENIOR_SPECIALIST"),
            "LEADERSHIP", List.of("DIVISION", "DEPARTMENT"));

    private Levels() {
    }

    static boolean holds(PersonCopy person, String kind, String level) {
        if (kind == null || level == null) {
            return true;
        }
        return person.qualifications.stream().anyMatch(q -> kind.equals(q.kind()) && atLeast(kind, q.level(), level));
    }

    private static boolean atLeast(String kind, String held, String wanted) {
        if (wanted.equals(held)) {
            return true;
        }
        List<String> order = ORDER.get(kind);
        if (order == null || held == null) {
            return false;
        }
        int h = order.indexOf(held);
        int w = order.indexOf(wanted);
        return h >= 0 && w >= 0 && h >= w;
    }
}
