package vn.gov.training.personnel.domain;

/** Why a person left the province's service. */
public enum LeftReason {
    RETIRED, RESIGNED, DISMISSED, DECEASED, TRANSFERRED_OUT
}
