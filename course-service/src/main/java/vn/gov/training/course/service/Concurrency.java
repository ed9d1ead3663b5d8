package vn.gov.training.course.service;

import jakarta.persistence.OptimisticLockException;

import io.quarkus.hibernate.orm.panache.Panache;
import vn.gov.training.platform.problem.ProblemException;

/**
 * Writes pending changes now, so that losing a race with a concurrent change of the same record (its lock version
 * moved on) is a 409 {@code concurrent-modification} the caller can retry, not a failure at commit.
 */
final class Concurrency {

    private Concurrency() {
    }

    static void flush(String code) {
        try {
            Panache.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("concurrent-modification", code);
        }
    }
}
