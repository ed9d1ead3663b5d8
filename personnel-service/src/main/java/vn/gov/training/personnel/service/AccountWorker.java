package vn.gov.training.personnel.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import vn.gov.training.personnel.domain.AccountTask;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PersonStatus;
import vn.gov.training.platform.resilience.SkipsDuringOutage;
import vn.gov.training.platform.text.VietnameseText;

/**
 * Applies queued account changes in order, outside any database transaction (Keycloak is not part of it). A task is
 * marked done only after Keycloak answered; on failure it is retried with back-off, indefinitely, except when the
 * username turns out to belong to a Keycloak user not linked to the person: that task is marked FAILED with the
 * problem code (shown on the person's account status) and never retried. The changes are idempotent, so a crash
 * between Keycloak's answer and the mark only repeats a harmless call.
 */
@ApplicationScoped
public class AccountWorker {

    private static final Logger LOG = Logger.getLogger(AccountWorker.class);
    private static final int BATCH = 20;

    private final KeycloakAccounts keycloak;

    /** The client whose login the set-password link leads back to. */
    @ConfigProperty(name = "training.accounts.set-password.client-id", defaultValue = "training-gateway")
    String setPasswordClient;

    /** How long the set-password link in the mail stays valid. */
    @ConfigProperty(name = "training.accounts.set-password.lifespan", defaultValue = "72h")
    Duration setPasswordLifespan;

    AccountWorker(KeycloakAccounts keycloak) {
        this.keycloak = keycloak;
    }

    @SkipsDuringOutage
    @Scheduled(every = "${training.accounts.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> AccountTask.<AccountTask>find(
                        "state = 'PENDING' and nextAttemptAt <= ?1 order by id", PersonnelService.now())
                .page(0, BATCH).list().stream().map(t -> t.id).toList());
        for (Long id : due) {
            apply(id);
        }
    }

    void apply(Long taskId) {
        record Work(AccountTask task, KeycloakAccounts.Account account) {
        }
        Work work = QuarkusTransaction.requiringNew().call(() -> {
            AccountTask task = AccountTask.findById(taskId);
            Person p = Person.findById(task.personId);
            // a later task of the same person carries the newer state; an earlier one still pending goes first.
            // A set-password mail waiting for the SMTP server holds up no account change (a departure must disable
            // the login at once); it waits itself for the changes queued before it (the user must exist).
            boolean earlierPending = AccountTask.find("personId = ?1 and state = 'PENDING' and id < ?2"
                            + " and action <> ?3", task.personId, task.id,
                    AccountTask.Action.SET_PASSWORD_MAIL.name()).firstResult() != null;
            if (earlierPending) {
                return null;
            }
            String given = VietnameseText.givenName(p.fullName);
            String family = p.fullName.length() > given.length()
                    ? p.fullName.substring(0, p.fullName.length() - given.length()).strip() : given;
            List<String> roles = task.roles == null ? List.of() : Arrays.asList(task.roles.split(","));
            boolean enabled = p.status != PersonStatus.LEFT && !AccountTask.Action.DISABLE.name().equals(task.action);
            return new Work(task, new KeycloakAccounts.Account(task.username, p.id.toString(), p.orgUnitCode,
                    given, family, p.email, roles, enabled));
        });
        if (work == null) {
            return;
        }
        AccountTask.State finalState = AccountTask.State.DONE;
        try {
            switch (AccountTask.Action.valueOf(work.task().action)) {
                case PROVISION -> {
                    keycloak.provision(work.account());
                    keycloak.sync(work.account());
                }
                case SYNC -> keycloak.sync(work.account());
                case DISABLE -> keycloak.disable(work.account());
                case SET_PASSWORD_MAIL -> {
                    if (!work.account().enabled()
                            || keycloak.sendSetPasswordMail(work.account(), setPasswordClient, setPasswordLifespan)
                            == KeycloakAccounts.PasswordMail.NOT_NEEDED) {
                        finalState = AccountTask.State.SKIPPED;
                    }
                }
            }
            AccountTask.State done = finalState;
            QuarkusTransaction.requiringNew().run(() -> {
                AccountTask task = AccountTask.findById(taskId);
                task.state = done.name();
                task.doneAt = PersonnelService.now();
                task.attempts++;
                task.lastError = null;
            });
        } catch (KeycloakAccounts.UsernameTakenException e) {
            LOG.warnf("Account task %d (%s) failed for good: the username is held by a Keycloak user of someone else",
                    taskId, work.task().action);
            QuarkusTransaction.requiringNew().run(() -> {
                AccountTask task = AccountTask.findById(taskId);
                task.attempts++;
                task.state = AccountTask.State.FAILED.name();
                task.lastError = e.getMessage();
                task.doneAt = PersonnelService.now();
            });
        } catch (RuntimeException e) {
            LOG.warnf("Account task %d (%s) failed, will retry: %s", taskId, work.task().action, e.toString());
            QuarkusTransaction.requiringNew().run(() -> {
                AccountTask task = AccountTask.findById(taskId);
                task.attempts++;
                String message = e.toString();
                task.lastError = message.length() > 1000 ? message.substring(0, 1000) : message;
                long backoff = Math.min(60, 1L << Math.min(task.attempts, 6));
                task.nextAttemptAt = PersonnelService.now().plus(Duration.ofSeconds(backoff));
            });
        }
    }
}
