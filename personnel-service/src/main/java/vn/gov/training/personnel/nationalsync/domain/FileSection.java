package vn.gov.training.personnel.nationalsync.domain;

/** The part of a person's national file a delivery carries. */
public enum FileSection {
    /** identity, staff category, unit, rank, title, job position, status */
    PERSON,
    /** one level (education, political theory, state management, defence and security, ...) with date and evidence */
    LEVEL,
    /** one completed training turn: programme, institution, dates, result, credential */
    TRAINING
}
