package vn.gov.training.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportAdmissionTest {

    @Test
    void filesAreAdmittedWhileTheirRowsFitBesideThoseRunningAndGiveThemBackWhenTheyEnd() {
        ImportAdmission admission = new ImportAdmission(60_000);
        int large = admission.weight(50_000);
        int small = admission.weight(300);
        assertTrue(admission.tryAdmit(large));
        assertTrue(admission.tryAdmit(small), "a unit's small list runs beside a large file");
        int second = admission.weight(40_000);
        assertFalse(admission.tryAdmit(second), "a second large file waits");
        assertEquals(60_000 - 50_300, admission.available(), "a refused file takes nothing");
        admission.release(large);
        assertTrue(admission.tryAdmit(second));
        admission.release(second);
        admission.release(small);
        assertEquals(60_000, admission.available());
    }

    @Test
    void anEmptyFileCountsOneRowAndNoFileMoreThanTheWhole() {
        ImportAdmission admission = new ImportAdmission(1_000);
        assertEquals(1, admission.weight(0));
        assertEquals(1_000, admission.weight(5_000));
        assertTrue(admission.tryAdmit(admission.weight(5_000)), "alone, a file above the capacity still runs");
        assertFalse(admission.tryAdmit(admission.weight(0)));
    }
}
