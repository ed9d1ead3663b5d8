package vn.gov.training.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import vn.gov.training.platform.problem.ProblemException;

/**
 * The read/write rule of the unit scope, on a small tree: HG (province) > HG.VT (city) > HG.VT.P1 (ward), and
 * HG.CT (district) beside the city.
 */
class UnitScopeTest {

    private static final Map<String, String> PARENT = Map.of("HG.VT", "HG", "HG.VT.P1", "HG.VT", "HG.CT", "HG");

    private static final UnitHierarchy TREE = new UnitHierarchy() {
        @Override
        public boolean isWithin(String unitCode, String ancestorCode) {
            for (String unit = unitCode; unit != null; unit = PARENT.get(unit)) {
                if (unit.equals(ancestorCode)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> subtree(String rootCode) {
            Set<String> codes = new HashSet<>();
            for (String unit : Set.of("HG", "HG.VT", "HG.VT.P1", "HG.CT")) {
                if (isWithin(unit, rootCode)) {
                    codes.add(unit);
                }
            }
            return codes;
        }
    };

    private static UnitScope scope(String orgUnit, String... roles) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("tester"));
        for (String role : roles) {
            identity.addRole(role);
        }
        return new UnitScope(new Caller(identity.build(), token(orgUnit)), TREE);
    }

    private static JsonWebToken token(String orgUnit) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", "tester");
        if (orgUnit != null) {
            claims.put("org_unit", orgUnit);
        }
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "tester";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    @Test
    void adminsAndProvinceManagersReadAndWriteEverywhere() {
        for (String role : new String[] {Roles.ADMIN, Roles.PROVINCE_MANAGER}) {
            UnitScope scope = scope("HG.VT", role);
            assertTrue(scope.canRead("HG.CT"), role);
            assertTrue(scope.canWrite("HG.CT"), role);
            assertEquals(Optional.empty(), scope.visibleUnits());
            assertEquals(Optional.empty(), scope.writableUnits());
        }
    }

    @Test
    void aUnitOfficerWhoIsAlsoALeaderStillWritesOnlyInTheirSubtree() {
        UnitScope scope = scope("HG.VT", Roles.UNIT_OFFICER, Roles.LEADER);
        assertTrue(scope.canWrite("HG.VT.P1"));
        assertFalse(scope.canWrite("HG.CT"));
        assertFalse(scope.canWrite("HG"));
        assertFalse(scope.canRead("HG.CT"));
        assertThrows(ProblemException.class, () -> scope.requireWritable("HG.CT"));
        assertEquals(Optional.of(Set.of("HG.VT", "HG.VT.P1")), scope.writableUnits());
    }

    @Test
    void aLeaderReadsTheirOwnSubtreeOnly() {
        UnitScope city = scope("HG.VT", Roles.LEADER);
        assertTrue(city.canRead("HG.VT.P1"));
        assertFalse(city.canRead("HG.CT"));
        assertEquals(Optional.of(Set.of("HG.VT", "HG.VT.P1")), city.visibleUnits());
        ProblemException hidden = assertThrows(ProblemException.class,
                () -> city.requireVisible("HG.CT", "x-not-found"));
        assertEquals(404, hidden.status());

        UnitScope province = scope("HG", Roles.LEADER);
        assertTrue(province.canRead("HG.CT"), "the demo leader sits at the province root and sees all");
        assertFalse(province.readsProvinceWide());
        assertFalse(scope(null, Roles.LEADER).canRead("HG"), "a leader without a unit sees nothing");
    }

    @Test
    void integrationClientsReadEverythingAndWriteNothing() {
        UnitScope client = scope(null, Roles.INTEGRATION);
        assertTrue(client.canRead("HG.CT"));
        assertEquals(Optional.empty(), client.visibleUnits());
        assertFalse(client.canWrite("HG.CT"));
        assertEquals(Optional.of(Set.of()), client.writableUnits());
        ProblemException refused = assertThrows(ProblemException.class, () -> client.requireWritable("HG"));
        assertEquals(403, refused.status());

        UnitScope withUnit = scope("HG", Roles.INTEGRATION);
        assertFalse(withUnit.canWrite("HG.VT"), "an org_unit claim does not give an integration client writes");
    }

    @Test
    void staffAndUnitOfficersWithoutAUnitSeeNothing() {
        assertFalse(scope(null, Roles.UNIT_OFFICER).canRead("HG"));
        assertFalse(scope(null, Roles.UNIT_OFFICER).canWrite("HG"));
        assertEquals(Optional.of(Set.of()), scope(null, Roles.STAFF).visibleUnits());
        assertFalse(scope("HG.VT", Roles.UNIT_OFFICER).canRead(null));
    }
}
