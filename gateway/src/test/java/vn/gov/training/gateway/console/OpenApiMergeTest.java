package vn.gov.training.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The integrators' document: routed paths only, components kept apart where two services differ. */
class OpenApiMergeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void mergesRoutedPathsAndKeepsDifferentComponentsApart() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("personnel", doc("""
                {'openapi':'3.1.0','info':{'title':'p','version':'1'},'tags':[{'name':'Cán bộ'},{'name':'Vận hành'}],
                 'paths':{'/api/personnel/{id}':{'get':{'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/PlanView'}}}}}}},
                          '/api/admin/dead-letters':{'get':{'responses':{}}}},
                 'components':{'schemas':{'PlanView':{'type':'object','properties':{'planId':{'$ref':'#/components/schemas/UUID'}}},
                                          'UUID':{'type':'string','format':'uuid'}}}}"""));
        documents.put("course", doc("""
                {'openapi':'3.1.0','info':{'title':'c','version':'1'},'tags':[{'name':'Lớp học'},{'name':'Vận hành'}],
                 'paths':{'/api/plans/{id}':{'get':{'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/PlanView'}}}}}}},
                          '/api/admin/dead-letters':{'get':{'responses':{}}}},
                 'components':{'schemas':{'PlanView':{'type':'object','properties':{'year':{'type':'integer'}}},
                                          'UUID':{'type':'string','format':'uuid'}}}}"""));
        JsonNode merged = OpenApiMerge.merge(documents, path -> path.startsWith("/api/personnel")
                ? Optional.of("personnel") : path.startsWith("/api/plans") ? Optional.of("course") : Optional.empty(),
                "https://gateway.example.vn");

        assertEquals("https://gateway.example.vn", merged.at("/servers/0/url").asText());
        assertTrue(merged.path("paths").has("/api/personnel/{id}"));
        assertTrue(merged.path("paths").has("/api/plans/{id}"));
        assertFalse(merged.path("paths").has("/api/admin/dead-letters"), "operator paths are not routed");
        assertEquals("#/components/schemas/PlanView",
                merged.at("/paths/~1api~1personnel~1{id}/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/course.PlanView",
                merged.at("/paths/~1api~1plans~1{id}/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("integer", merged.at("/components/schemas/course.PlanView/properties/year/type").asText());
        assertEquals("#/components/schemas/UUID", merged.at("/components/schemas/PlanView/properties/planId/$ref").asText());
        assertFalse(merged.at("/components/schemas").has("course.UUID"), "equal components are kept once");
        assertEquals(3, merged.path("tags").size());
    }
}
