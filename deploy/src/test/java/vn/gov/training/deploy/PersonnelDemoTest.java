package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The generated demo province: the same every time, with national IDs that personnel-service accepts. */
class PersonnelDemoTest {

    @Test
    void generatesTheSameStaffEveryTime() {
        assertEquals(PersonnelDemo.people(), PersonnelDemo.people());
        List<PersonnelDemo.Person> people = PersonnelDemo.people();
        assertTrue(people.size() >= 300 && people.size() <= 500, "a few hundred staff: " + people.size());
        assertEquals(people.size(), people.stream().map(PersonnelDemo.Person::nationalId).distinct().count());
        assertEquals(people.size(), people.stream().map(PersonnelDemo.Person::email).distinct().count());
    }

    @Test
    void nationalIdsFollowTheRulesOfTheCitizenIdentificationNumber() {
        for (PersonnelDemo.Person p : PersonnelDemo.people()) {
            String id = p.nationalId();
            assertTrue(id.matches("093\\d{9}"), id);
            int year = p.dateOfBirth().getYear();
            int expected = (year >= 2000 ? 2 : 0) + (p.female() ? 1 : 0);
            assertEquals(expected, id.charAt(3) - '0', "gender and century digit of " + p.fullName());
            assertEquals(year % 100, Integer.parseInt(id.substring(4, 6)), "year of birth of " + p.fullName());
        }
    }

    @Test
    void namesAreVietnameseAndGenderConsistent() {
        for (PersonnelDemo.Person p : PersonnelDemo.people()) {
            String[] parts = p.fullName().split(" ");
            assertTrue(parts.length >= 3, p.fullName());
            if (parts[1].equals("Thị")) {
                assertTrue(p.female(), p.fullName());
            }
            if (parts[1].equals("Văn")) {
                assertFalse(p.female(), p.fullName());
            }
        }
    }

    @Test
    void everyUnitTheOtherStepsAndTheDemoUsersNeedExists() {
        Set<String> codes = PersonnelDemo.units().stream().map(PersonnelDemo.Unit::code).collect(Collectors.toSet());
        for (String needed : List.of("HG", "HG.SNV", "HG.STC", "HG.SGDDT", "HG.TCT", "HG.VT", "HG.VT.P1", "HG.CT")) {
            assertTrue(codes.contains(needed), needed);
        }
        Set<String> staffed = new HashSet<>();
        PersonnelDemo.people().forEach(p -> staffed.add(p.unit()));
        assertTrue(staffed.containsAll(codes), "every unit has staff");
    }

    @Test
    void levelsKeepTheirHistoryAndNoneIsInTheFuture() {
        long withHistory = PersonnelDemo.people().stream()
                .filter(p -> PersonnelDemo.levels(p).stream().filter(l -> l.kind().equals("POLITICAL_THEORY")).count() >= 2)
                .count();
        assertTrue(withHistory > 50, "people who moved up in political theory: " + withHistory);
        for (PersonnelDemo.Person p : PersonnelDemo.people()) {
            for (PersonnelDemo.Level l : PersonnelDemo.levels(p)) {
                assertTrue(l.awardedOn().isBefore(LocalDate.of(2025, 7, 1)), l.toString());
                assertTrue(l.awardedOn().isAfter(p.dateOfBirth().plusYears(10)), l.toString());
            }
        }
    }
}
