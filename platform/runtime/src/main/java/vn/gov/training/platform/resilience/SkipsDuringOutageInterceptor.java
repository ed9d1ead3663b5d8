package vn.gov.training.platform.resilience;

import org.jboss.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs {@link SkipsDuringOutage} work outside its transaction (before {@code @Transactional}'s interceptor), so a
 * failure at commit is seen too.
 */
@SkipsDuringOutage
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class SkipsDuringOutageInterceptor {

    private static final Logger LOG = Logger.getLogger(SkipsDuringOutageInterceptor.class);

    private final DatabaseOutage outage;

    SkipsDuringOutageInterceptor(DatabaseOutage outage) {
        this.outage = outage;
    }

    @AroundInvoke
    Object skipDuringOutage(InvocationContext invocation) throws Exception {
        if (outage.isOut()) {
            return null;
        }
        try {
            return invocation.proceed();
        } catch (Exception failure) {
            TransientFailure found = outage.report(failure).orElseThrow(() -> failure);
            LOG.debugf("%s.%s meets %s; tried again at its next run", invocation.getMethod().getDeclaringClass()
                    .getSimpleName(), invocation.getMethod().getName(), found.description());
            return null;
        }
    }
}
