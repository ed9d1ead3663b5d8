package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The duty to keep serving after state-funded training: {@code months} = factor × training months. */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String FULFILLED = "FULFILLED";
    public static final String BREACHED = "BREACHED";
    /** Ended early without repayment: the person died or retired (see {@code closedReason}). */
    public static final String RELEASED = "RELEASED";

    @Id
    public UUID id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Column(name = "personnel_id", nullable = false)
    public UUID personnelId;

    @Column(name = "rule_set_code", nullable = false)
    public String ruleSetCode;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(nullable = false)
    public int months;

    @Column(name = "cost_vnd", nullable = false)
    public long costVnd;

    @Column(nullable = false)
    public String status;

    @Column(name = "breached_on")
    public LocalDate breachedOn;

    /** The day the commitment ended (fulfilled, breached or released); null while it runs. */
    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** Why it ended early: the reason the person left (e.g. RESIGNED for a breach, DECEASED or RETIRED). */
    @Column(name = "closed_reason")
    public String closedReason;
}
