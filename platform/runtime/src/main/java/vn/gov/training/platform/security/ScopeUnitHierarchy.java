package vn.gov.training.platform.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The unit tree from the service's {@link ScopeUnit} copy. Walking parent links at query time (rather than
 * storing paths) keeps the copy correct whatever order the units' events arrive in.
 */
@ApplicationScoped
@DefaultBean
public class ScopeUnitHierarchy implements UnitHierarchy {

    private final EntityManager entityManager;

    ScopeUnitHierarchy(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public boolean isWithin(String unitCode, String ancestorCode) {
        if (unitCode.equals(ancestorCode)) {
            return true;
        }
        Object found = entityManager.createNativeQuery("""
                with recursive up(code, parent_code, depth) as (
                    select code, parent_code, 0 from scope_unit where code = ?1
                    union all
                    select u.code, u.parent_code, up.depth + 1 from scope_unit u join up on u.code = up.parent_code
                    where up.depth < 64)
                select exists(select 1 from up where code = ?2)""")
                .setParameter(1, unitCode).setParameter(2, ancestorCode).getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> subtree(String rootCode) {
        List<String> codes = entityManager.createNativeQuery("""
                with recursive down(code, depth) as (
                    select cast(?1 as varchar), 0
                    union all
                    select u.code, down.depth + 1 from scope_unit u join down on u.parent_code = down.code
                    where down.depth < 64)
                select code from down""")
                .setParameter(1, rootCode).getResultList();
        return new HashSet<>(codes);
    }
}
