package vn.gov.training.course.domain;

/** What the catalogue and every report group programmes by. */
public enum ProgramCategory {
    POLITICAL_THEORY, STATE_MANAGEMENT, LEADERSHIP, TITLE_BASED, KNOWLEDGE_UPDATE, DEFENCE_SECURITY, PROFESSIONAL, DIGITAL_SKILLS, FOREIGN_LANGUAGE
}
