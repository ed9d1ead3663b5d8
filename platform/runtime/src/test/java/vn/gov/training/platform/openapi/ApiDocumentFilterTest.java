package vn.gov.training.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The problem codes listed per status: the platform's own and the service's (the test resources' pretend service). */
class ApiDocumentFilterTest {

    @Test
    void aServiceCodeIsListedUnderEachOfItsStatusesAfterThePlatformCodes() {
        Map<Integer, List<String>> codes = ApiDocumentFilter.codesByStatus();
        assertEquals(List.of("not-found", "sample-unknown"), codes.get(404));
        assertEquals(List.of("idempotency-key-reused", "sample-unknown"), codes.get(422));
        assertEquals(List.of("duplicate-record", "constraint-violated", "sample-wrong-status"), codes.get(409));
        assertEquals(ApiDocumentFilter.TITLES.keySet(), codes.keySet());
    }
}
