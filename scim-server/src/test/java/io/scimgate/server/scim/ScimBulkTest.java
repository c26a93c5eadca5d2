package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import org.junit.jupiter.api.Test;

/** /Bulk (RFC 7644 §3.7): bulkId references, failOnErrors, one transaction per operation, limits. */
class ScimBulkTest extends ServerTest {

    private static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    private JsonNode bulk(String body) {
        HttpReply reply = scim.post("Bulk", body);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("urn:ietf:params:scim:api:messages:2.0:BulkResponse", reply.json().at("/schemas/0").asText());
        return reply.json().get("Operations");
    }

    private int count(String endpoint) {
        return scim.get(endpoint + "?count=0").json().get("totalResults").asInt();
    }

    @Test
    void aGroupReferencesUsersCreatedInTheSameRequestEvenBeforeThem() {
        JsonNode results = bulk("""
                {"schemas":["%s"],"Operations":[
                  {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"Eng",
                     "members":[{"value":"bulkId:a"},{"value":"bulkId:b"}]}},
                  {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"a@corp.example"}},
                  {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"b@corp.example"}},
                  {"method":"PATCH","path":"/Users/bulkId:a","data":{"Operations":[{"op":"replace","path":"title","value":"Lead"}]}}
                ]}""".formatted(BULK));
        assertEquals(4, results.size());
        results.forEach(result -> assertTrue(result.get("status").isTextual()));
        assertEquals("201", results.get(0).get("status").asText());
        assertEquals("g", results.get(0).get("bulkId").asText());
        String groupLocation = results.get(0).get("location").asText();
        JsonNode group = scim.get(groupLocation).json();
        assertEquals(2, group.get("members").size());
        String userA = results.get(1).get("location").asText();
        assertEquals("Lead", scim.get(userA).json().get("title").asText());
        assertEquals("200", results.get(3).get("status").asText());
        assertEquals("W/\"2\"", results.get(3).get("version").asText());
    }

    @Test
    void eachOperationIsItsOwnTransactionAndFailuresAreReported() {
        JsonNode results = bulk("""
                {"schemas":["%s"],"Operations":[
                  {"method":"POST","path":"/Users","bulkId":"1","data":{"userName":"dup@corp.example"}},
                  {"method":"POST","path":"/Users","bulkId":"2","data":{"userName":"DUP@corp.example"}},
                  {"method":"POST","path":"/Users","bulkId":"3","data":{"userName":"ok@corp.example"}},
                  {"method":"DELETE","path":"/Users/no-such-id"}
                ]}""".formatted(BULK));
        assertEquals("201", results.get(0).get("status").asText());
        assertEquals("409", results.get(1).get("status").asText());
        assertEquals("uniqueness", results.get(1).at("/response/scimType").asText());
        assertEquals("409", results.get(1).at("/response/status").asText());
        assertEquals("201", results.get(2).get("status").asText());
        assertEquals("404", results.get(3).get("status").asText());
        assertEquals(2, count("Users"));
    }

    @Test
    void failOnErrorsStopsAfterThatManyFailures() {
        JsonNode results = bulk("""
                {"schemas":["%s"],"failOnErrors":1,"Operations":[
                  {"method":"POST","path":"/Users","bulkId":"1","data":{"name":{"givenName":"no userName"}}},
                  {"method":"POST","path":"/Users","bulkId":"2","data":{"userName":"never@corp.example"}}
                ]}""".formatted(BULK));
        assertEquals(1, results.size());
        assertEquals("400", results.get(0).get("status").asText());
        assertEquals(0, count("Users"));
    }

    @Test
    void versionsGuardBulkWritesAndUnresolvableReferencesConflict() {
        String id = scim.post("Users", "{\"userName\":\"v@corp.example\"}").json().get("id").asText();
        JsonNode results = bulk("""
                {"schemas":["%s"],"Operations":[
                  {"method":"PUT","path":"/Users/%s","version":"W/\\"9\\"","data":{"userName":"v@corp.example","title":"x"}},
                  {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"G","members":[{"value":"bulkId:missing"}]}},
                  {"method":"POST","path":"/Groups","bulkId":"x","data":{"displayName":"X","members":[{"value":"bulkId:y"}]}},
                  {"method":"POST","path":"/Groups","bulkId":"y","data":{"displayName":"Y","members":[{"value":"bulkId:x"}]}},
                  {"method":"GET","path":"/Users/%s"}
                ]}""".formatted(BULK, id, id));
        assertEquals("412", results.get(0).get("status").asText());
        assertEquals("409", results.get(1).get("status").asText());
        assertEquals("409", results.get(2).get("status").asText());
        assertEquals("409", results.get(3).get("status").asText());
        assertEquals("400", results.get(4).get("status").asText());
        assertEquals(0, count("Groups"));
    }

    @Test
    void tooManyOperationsOrBytesAre413() {
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i <= 1000; i++) {
            operations.append(i == 0 ? "" : ",").append("{\"method\":\"DELETE\",\"path\":\"/Users/x").append(i).append("\"}");
        }
        assertScimError(scim.post("Bulk", "{\"Operations\":[" + operations + "]}"), 413, null);
        String big = "{\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"1\",\"data\":{\"userName\":\"big@corp.example\","
                + "\"displayName\":\"" + "x".repeat(1_100_000) + "\"}}]}";
        assertScimError(scim.post("Bulk", big), 413, null);
        assertEquals(0, count("Users"));
    }
}
