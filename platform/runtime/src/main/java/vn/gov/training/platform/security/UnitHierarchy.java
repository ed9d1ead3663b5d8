package vn.gov.training.platform.security;

import java.util.Set;

/**
 * The organisational unit tree as a service knows it: personnel-service from the units it owns, the others from
 * their copy fed by {@code org-unit} events ({@link ScopeUnitHierarchy}).
 */
public interface UnitHierarchy {

    /** True when {@code unitCode} is {@code ancestorCode} or lies below it. */
    boolean isWithin(String unitCode, String ancestorCode);

    /** The unit and every unit below it. */
    Set<String> subtree(String rootCode);
}
