package vn.gov.training.personnel.nationalsync.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.gov.training.personnel.nationalsync.domain.FileSection;

class NationalFileFormatTest {

    private static final UUID DELIVERY = UUID.fromString("6f1c1a52-0d7e-4a57-9a43-3b2f1f6f9e01");

    @Test
    void aDeliverysCallIsItsPersonsChangesWithTheEnvelopeBeforeTheSectionsContent() {
        String content = """
                {"nationalId":"001 090/1","training":{"key":"e-1","programmeLevel":null,\
                "institution":{"code":"TCT","name":"Trường Chính trị tỉnh"},"result":"PASSED"}}""";

        NationalFileFormat.Call call = NationalFileFormat.call(DELIVERY, 42L, 2, FileSection.TRAINING,
                LocalDate.of(2026, 12, 7), content);

        // the national ID is a path segment, encoded
        assertEquals("/api/v1/files/001+090%2F1/changes", call.path());
        assertEquals("""
                {"deliveryId":"6f1c1a52-0d7e-4a57-9a43-3b2f1f6f9e01","sequence":42,"revision":2,"section":"TRAINING",\
                "recordedOn":"2026-12-07","nationalId":"001 090/1","training":{"key":"e-1","programmeLevel":null,\
                "institution":{"code":"TCT","name":"Trường Chính trị tỉnh"},"result":"PASSED"}}""", call.body());
    }

    @Test
    void aContentThatNamesNoPersonOrIsNoObjectMakesNoCall() {
        assertThrows(NullPointerException.class, () -> NationalFileFormat.call(DELIVERY, 1L, 1, FileSection.PERSON,
                LocalDate.of(2026, 12, 7), "{\"person\":{}}"));
        assertThrows(IllegalStateException.class, () -> NationalFileFormat.call(DELIVERY, 1L, 1, FileSection.PERSON,
                LocalDate.of(2026, 12, 7), "[1]"));
    }
}
