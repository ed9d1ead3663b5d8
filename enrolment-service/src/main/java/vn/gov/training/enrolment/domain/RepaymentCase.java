package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a person owes back for state-funded training: course costs only, in full or pro rata. */
@Entity
@Table(name = "repayment_case")
public class RepaymentCase extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String DECIDED = "DECIDED";
    public static final String PAID = "PAID";
    public static final String WAIVED = "WAIVED";

    @Id
    public UUID id;

    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Column(name = "personnel_id", nullable = false)
    public UUID personnelId;

    /** LEFT_EARLY, DROPPED_OUT, FAILED, DISMISSED */
    @Column(nullable = false)
    public String cause;

    @Column(name = "cost_vnd", nullable = false)
    public long costVnd;

    @Column(name = "served_months")
    public Integer servedMonths;

    @Column(name = "unserved_months")
    public Integer unservedMonths;

    /** The amount the rule gives; {@link #amountVnd} is what the council decides (equal until decided). */
    @Column(name = "computed_vnd", nullable = false)
    public long computedVnd;

    @Column(name = "amount_vnd", nullable = false)
    public long amountVnd;

    @Column(nullable = false)
    public String status;

    /** ILLNESS, DISASTER, TRANSFER_WITHIN_POLITICAL_SYSTEM */
    public String exemption;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    public String note;
}
