package vn.gov.training.course.domain;

/**
 * A personnel level such as POLITICAL_THEORY:INTERMEDIATE, in personnel-service's qualification kinds
 * (EDUCATION, POLITICAL_THEORY, STATE_MANAGEMENT, DEFENCE_SECURITY, FOREIGN_LANGUAGE, IT, LEADERSHIP, OTHER).
 */
public record LevelRef(String kind, String level) {
}
