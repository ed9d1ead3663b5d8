package vn.gov.training.personnel.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Keycloak account change to apply, written in the transaction of the HR change that causes it and applied by
 * the account worker until Keycloak answers. Each action is idempotent (create-if-absent, set attributes, disable),
 * so applying one twice after a crash changes nothing. A task that can never succeed (the username belongs to a
 * Keycloak user not linked to the person) ends FAILED with the problem code in {@code lastError}, not retried.
 */
@Entity
@Table(name = "account_task")
public class AccountTask extends PanacheEntityBase {

    /** SET_PASSWORD_MAIL: Keycloak mails the person the link to set their password (after PROVISION). */
    public enum Action { PROVISION, SYNC, DISABLE, SET_PASSWORD_MAIL }

    /** SKIPPED: nothing to do (a set-password mail for a user who has a password already). */
    public enum State { PENDING, DONE, FAILED, SKIPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String username;

    @Column(name = "org_unit_code")
    public String orgUnitCode;

    /** Realm roles to grant, comma-separated. */
    public String roles;

    @Column(nullable = false)
    public String state;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;
}
