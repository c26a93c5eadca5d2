package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static io.scimgate.server.testing.ScimJson.patch;
import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User PATCH as IdPs send it: one test per normalisation rule of IDP-QUIRKS.md §10 (1–11, 15, 16). */
class ScimPatchTest extends ServerTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String id;

    @BeforeEach
    void ana() {
        HttpReply created = scim.post("Users", user("ana@corp.example", "00u1"));
        assertEquals(201, created.status(), created::toString);
        id = created.json().get("id").asText();
    }

    private JsonNode patchOk(String operations) {
        HttpReply reply = scim.patch("Users/" + id, patch(operations));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonNode read() {
        return scim.get("Users/" + id).json();
    }

    @ParameterizedTest(name = "rule 1: op \"{0}\"")
    @CsvSource({"add", "Add", "ADD", "replace", "Replace", "rEpLaCe"})
    void rule1_opsInAnyCaseAndAddActsAsReplaceForSingleValues(String op) {
        patchOk("[{\"op\":\"" + op + "\",\"path\":\"title\",\"value\":\"Lead\"}]");
        assertEquals("Lead", read().get("title").asText());
    }

    @Test
    void rule1_replaceOfASubAttributeWorksWhenItsParentIsUnset() {
        patchOk("[{\"op\":\"replace\",\"path\":\"addresses\",\"value\":[]},"
                + "{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager.value\",\"value\":\"m-1\"}]");
        assertEquals("m-1", read().at("/" + ENTERPRISE.replace("/", "~1") + "/manager/value").asText());
    }

    @ParameterizedTest(name = "rule 2: active \"{0}\"")
    @CsvSource({"False,false", "FALSE,false", "True,true", "false,false"})
    void rule2_booleanStringsAreCoerced(String sent, boolean expected) {
        patchOk("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"" + sent + "\"}]");
        assertEquals(expected, read().get("active").asBoolean());
        assertTrue(read().get("active").isBoolean());
    }

    @Test
    void rule2_booleanStringsInsideComplexValuesAreCoerced() {
        patchOk("[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"x@corp.example\",\"primary\":\"False\"}]}]");
        JsonNode added = read().get("emails").get(1);
        assertTrue(added.get("primary").isBoolean());
    }

    @Test
    void rule3_pathlessValueWithDottedKeysAndUrnsChangesThoseAndNothingElse() {
        patchOk("[{\"op\":\"replace\",\"value\":{\"displayName\":\"Ana Lee\",\"name.givenName\":\"Bo\","
                + "\"" + ENTERPRISE + ":department\":\"R&D\"}}]");
        JsonNode user = read();
        assertEquals("Bo", user.at("/name/givenName").asText());
        assertEquals("Lee", user.at("/name/familyName").asText(), "the other sub-attributes stay");
        assertEquals("R&D", user.get(ENTERPRISE).get("department").asText());
        assertEquals("Ana Lee", user.get("displayName").asText());
        assertEquals("00u1", user.get("externalId").asText());
    }

    @Test
    void rule3_pathlessValueSkipsReadOnlyKeysAndMergesExtensionObjects() {
        patchOk("[{\"op\":\"replace\",\"value\":{\"id\":\"hijack\",\"meta\":{\"version\":\"x\"},\"schemas\":[],"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"7731\"},\"name\":{\"familyName\":\"Ng\"}}}]");
        JsonNode user = read();
        assertEquals(id, user.get("id").asText());
        assertEquals("7731", user.get(ENTERPRISE).get("employeeNumber").asText());
        assertEquals("Ana", user.at("/name/givenName").asText());
        assertEquals("Ng", user.at("/name/familyName").asText());
    }

    @Test
    void rule4_addThroughAFilterThatMatchesNothingCreatesTheElement() {
        patchOk("[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"home\\\"].value\",\"value\":\"ana@home.example\"}]");
        JsonNode emails = read().get("emails");
        assertEquals(2, emails.size());
        assertEquals("home", emails.get(1).get("type").asText());
        assertEquals("ana@home.example", emails.get(1).get("value").asText());
    }

    @Test
    void rule4_replaceThroughAFilterChangesOnlyTheMatchingElement() {
        patchOk("[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"type\":\"home\",\"value\":\"ana@home.example\"}]},"
                + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"ana@new.example\"}]");
        JsonNode emails = read().get("emails");
        assertEquals("ana@new.example", emails.get(0).get("value").asText());
        assertEquals("ana@home.example", emails.get(1).get("value").asText());
        HttpReply byFilter = scim.get("Users?filter=emails.value%20eq%20%22ana@new.example%22");
        assertEquals(1, byFilter.json().get("totalResults").asInt(), "the email index follows");
    }

    @Test
    void rule4_replaceThroughAFilterWithoutEqualityTermsIsNoTarget() {
        assertScimError(scim.patch("Users/" + id, patch(
                "[{\"op\":\"replace\",\"path\":\"emails[value co \\\"nothing\\\"].type\",\"value\":\"x\"}]")), 400, "noTarget");
    }

    @Test
    void rule5_removeWithAValueListRemovesOnlyThoseValues() {
        patchOk("[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x.example\"},{\"value\":\"b@x.example\"}]}]");
        patchOk("[{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x.example\"}]}]");
        JsonNode emails = read().get("emails");
        assertEquals(2, emails.size());
        assertEquals("b@x.example", emails.get(1).get("value").asText());
    }

    @Test
    void rule6_managerAsStringObjectOrArrayWithOrWithoutUrnThenRemoved() {
        patchOk("[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"u-7\"}]");
        assertEquals("u-7", read().get(ENTERPRISE).at("/manager/value").asText());
        patchOk("[{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"$ref\":null,\"value\":\"u-8\"}]}]");
        assertEquals("u-8", read().get(ENTERPRISE).at("/manager/value").asText());
        patchOk("[{\"op\":\"replace\",\"path\":\"manager\",\"value\":{\"value\":\"u-9\"}}]");
        assertEquals("u-9", read().get(ENTERPRISE).at("/manager/value").asText());
        patchOk("[{\"op\":\"Remove\",\"path\":\"manager\"}]");
        assertTrue(read().path(ENTERPRISE).path("manager").isMissingNode());
    }

    @Test
    void rule6_aScalarForAMultiValuedComplexAttributeIsOneValue() {
        patchOk("[{\"op\":\"add\",\"path\":\"emails\",\"value\":\"solo@x.example\"}]");
        assertEquals("solo@x.example", read().get("emails").get(1).get("value").asText());
    }

    @Test
    void rule7_legacySchemaUrnsOnPaths() {
        patchOk("[{\"op\":\"replace\",\"path\":\"urn:scim:schemas:core:2.0:title\",\"value\":\"Boss\"},"
                + "{\"op\":\"replace\",\"path\":\"urn:scim:schemas:extension:enterprise:2.0:department\",\"value\":\"Ops\"}]");
        JsonNode user = read();
        assertEquals("Boss", user.get("title").asText());
        assertEquals("Ops", user.get(ENTERPRISE).get("department").asText());
        assertTrue(user.get("schemas").toString().contains(ENTERPRISE));
    }

    @Test
    void rule8_attributeNamesAndUrnsInAnyCase() {
        patchOk("[{\"op\":\"replace\",\"path\":\"NAME.GIVENNAME\",\"value\":\"Zed\"},"
                + "{\"op\":\"replace\",\"path\":\"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:employeenumber\",\"value\":\"9\"},"
                + "{\"op\":\"replace\",\"path\":\"emails[TYPE eq \\\"work\\\"].VALUE\",\"value\":\"zed@corp.example\"}]");
        JsonNode user = read();
        assertEquals("Zed", user.at("/name/givenName").asText());
        assertEquals("9", user.get(ENTERPRISE).get("employeeNumber").asText());
        assertEquals("zed@corp.example", user.at("/emails/0/value").asText());
    }

    @Test
    void rule10_valuesAreStoredExactlyAsSent() {
        patchOk("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"  ÁNA  lee \"}]");
        assertEquals("  ÁNA  lee ", read().get("displayName").asText());
    }

    @Test
    void rule11_putWithoutActiveKeepsItAndPatchOrPutDeactivateTheSame() {
        patchOk("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
        HttpReply put = scim.put("Users/" + id, "{\"userName\":\"ana@corp.example\",\"title\":\"T\"}");
        assertEquals(200, put.status(), put::toString);
        assertFalse(read().get("active").asBoolean());
        assertEquals(200, scim.put("Users/" + id, "{\"userName\":\"ana@corp.example\",\"active\":\"True\"}").status());
        assertTrue(read().get("active").asBoolean());
    }

    @Test
    void rule15_aDeactivatedUserStaysReadableAndFilterable() {
        patchOk("[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
        assertFalse(read().get("active").asBoolean());
        assertEquals(1, scim.get("Users?filter=active%20eq%20false").json().get("totalResults").asInt());
        patchOk("[{\"op\":\"replace\",\"value\":{\"active\":true}}]");
        assertEquals(id, read().get("id").asText());
    }

    @Test
    void rule16_repeatingAnOperationChangesNothingAndSucceeds() {
        String add = "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"dup@x.example\",\"type\":\"other\"}]}]";
        patchOk(add);
        patchOk(add);
        assertEquals(2, read().get("emails").size());
        patchOk("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
        patchOk("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
        patchOk("[{\"op\":\"remove\",\"path\":\"nickName\"}]");
        patchOk("[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"none\\\"]\"}]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown attribute          | {"op":"replace","path":"favouriteColour","value":"x"}          | 400 | invalidPath
            unknown sub-attribute      | {"op":"replace","path":"name.nickname","value":"x"}            | 400 | invalidPath
            unknown schema             | {"op":"replace","path":"urn:x:y:z:title","value":"x"}          | 400 | invalidPath
            malformed path             | {"op":"replace","path":"emails[type eq","value":"x"}           | 400 | invalidPath
            unknown pathless key       | {"op":"replace","value":{"favouriteColour":"x"}}               | 400 | invalidPath
            read-only id               | {"op":"replace","path":"id","value":"x"}                       | 400 | mutability
            read-only meta             | {"op":"replace","path":"meta.created","value":"x"}             | 400 | mutability
            unknown op                 | {"op":"merge","path":"title","value":"x"}                      | 400 | invalidSyntax
            remove without path        | {"op":"remove"}                                                | 400 | noTarget
            pathless non-object        | {"op":"replace","value":"x"}                                   | 400 | invalidValue
            wrong value type           | {"op":"replace","path":"active","value":"perhaps"}             | 400 | invalidPath
            filter on a single value   | {"op":"replace","path":"title[value eq \\"x\\"]","value":"x"}  | 400 | invalidPath
            """)
    void refusalsAreScimErrorsAndChangeNothing(String description, String operation, int status, String scimType) {
        assertScimError(scim.patch("Users/" + id, patch("[" + operation + "]")), status, scimType);
        assertEquals("W/\"1\"", read().at("/meta/version").asText());
    }
}
