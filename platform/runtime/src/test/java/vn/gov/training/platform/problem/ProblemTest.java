package vn.gov.training.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** No extension member can overwrite or duplicate a standard member of a problem document. */
class ProblemTest {

    /** Fails on a duplicate key, as a strict client would. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    void anExtensionNamedLikeAStandardMemberIsWrittenUnderItsCurrentName() throws Exception {
        ProblemException e = ProblemException.conflict("enrolment-wrong-status", "WITHDRAWN", "NOMINATED")
                .with("status", "WITHDRAWN").with("code", "K-01").with("existingId", "42");
        assertEquals(Map.of("currentStatus", "WITHDRAWN", "currentCode", "K-01", "existingId", "42"), e.extensions());

        Problem problem = new Problem(Problem.typeOf(e.code()), "t", e.status(), null, e.code(), "/x", List.of(),
                e.extensions());
        JsonNode json = STRICT.readTree(STRICT.writeValueAsString(problem));
        assertEquals(409, json.get("status").asInt());
        assertEquals("enrolment-wrong-status", json.get("code").asText());
        assertEquals("WITHDRAWN", json.get("currentStatus").asText());
        assertEquals("K-01", json.get("currentCode").asText());
    }

    @Test
    void aProblemBuiltDirectlyWithReservedExtensionsStillHasOneOfEachMember() throws Exception {
        Problem problem = new Problem("about:blank", "t", 400, null, "bad-request", null, List.of(),
                Map.of("status", 200, "type", "x", "errors", "none"));
        JsonNode json = STRICT.readTree(STRICT.writeValueAsString(problem));
        assertEquals(400, json.get("status").asInt());
        assertEquals("about:blank", json.get("type").asText());
        assertEquals(200, json.get("currentStatus").asInt());
        assertFalse(json.has("errors"));
    }
}
