package vn.gov.training.personnel.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.AccountTask;
import vn.gov.training.personnel.domain.Person;

/** Queues Keycloak account changes in the caller's transaction; {@link AccountWorker} applies them. */
@ApplicationScoped
public class AccountTasks {

    @Transactional(Transactional.TxType.MANDATORY)
    public AccountTask enqueue(Person p, AccountTask.Action action, List<String> roles) {
        AccountTask task = new AccountTask();
        task.personId = p.id;
        task.action = action.name();
        task.username = p.accountUsername;
        task.orgUnitCode = p.orgUnitCode;
        task.roles = roles == null ? null : String.join(",", roles);
        task.state = AccountTask.State.PENDING.name();
        task.createdAt = PersonnelService.now();
        task.nextAttemptAt = task.createdAt;
        task.persist();
        return task;
    }
}
