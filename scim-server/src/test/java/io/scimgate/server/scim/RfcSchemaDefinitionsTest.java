package io.scimgate.server.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The served {@code /Schemas} against RFC 7643 §8.7.1, attribute by attribute (the table in
 * {@code rfc7643-attributes.tsv}): strict clients validate resources against the server's own
 * schemas, so a characteristic that differs makes them reject what the server returns.
 */
class RfcSchemaDefinitionsTest extends ServerTest {

    private static final Map<String, String> URNS = Map.of(
            "User", "urn:ietf:params:scim:schemas:core:2.0:User",
            "Group", "urn:ietf:params:scim:schemas:core:2.0:Group",
            "EnterpriseUser", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");

    static List<String[]> rfcAttributes() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream table = RfcSchemaDefinitionsTest.class.getResourceAsStream("/rfc7643-attributes.tsv")) {
            for (String line : new String(table.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(Arrays.copyOf(line.split("\t", -1), 11));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rfcAttributes")
    void eachAttributeHasTheCharacteristicsOfRfc7643(String schema, String path, String type, String multiValued,
            String required, String caseExact, String mutability, String returned, String uniqueness, String referenceTypes,
            String canonicalValues) {
        JsonNode attribute = attribute(scim.get("Schemas/" + URNS.get(schema)).json(), path);
        assertEquals(type, attribute.path("type").asText(), path + " type");
        assertEquals(Boolean.parseBoolean(multiValued), attribute.path("multiValued").asBoolean(false), path + " multiValued");
        assertEquals(Boolean.parseBoolean(strip(required)), attribute.path("required").asBoolean(false), path + " required");
        assertEquals(Boolean.parseBoolean(strip(caseExact)), attribute.path("caseExact").asBoolean(false), path + " caseExact");
        assertEquals(mutability, attribute.path("mutability").asText("readWrite"), path + " mutability");
        assertEquals(returned, attribute.path("returned").asText("default"), path + " returned");
        assertEquals(uniqueness, attribute.path("uniqueness").asText("none"), path + " uniqueness");
        assertEquals(set(referenceTypes), strings(attribute.path("referenceTypes")), path + " referenceTypes");
        assertEquals(set(canonicalValues), strings(attribute.path("canonicalValues")), path + " canonicalValues");
        if (!type.equals("complex")) {
            assertTrue(attribute.path("subAttributes").isMissingNode() || attribute.path("subAttributes").isEmpty(),
                    path + " has no sub-attributes: " + attribute);
        }
    }

    @Test
    void theCommonAttributesAreTheServers() {
        for (String urn : List.of(URNS.get("User"), URNS.get("Group"))) {
            JsonNode schema = scim.get("Schemas/" + urn).json();
            JsonNode id = attribute(schema, "id");
            assertTrue(id.get("caseExact").asBoolean(), "RFC 7643 §3.1: id is caseExact");
            assertEquals("readOnly", id.get("mutability").asText());
            assertEquals("always", id.get("returned").asText());
            assertEquals(false, id.get("required").asBoolean(), "clients never send id");
            assertTrue(attribute(schema, "externalId").get("caseExact").asBoolean());
            assertEquals("readOnly", attribute(schema, "meta").get("mutability").asText());
        }
    }

    @Test
    void schemasAreScimResourcesWithTheRfcNamesAndDescriptions() {
        JsonNode list = scim.get("Schemas").json();
        assertEquals(4, list.get("totalResults").asInt(), "User, EnterpriseUser, Group and the read-only Role");
        for (JsonNode schema : list.get("Resources")) {
            assertEquals("urn:ietf:params:scim:schemas:core:2.0:Schema", schema.at("/schemas/0").asText(), schema.get("id").asText());
        }
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:Schema",
                scim.get("Schemas/" + URNS.get("User")).json().at("/schemas/0").asText());
        assertNames(URNS.get("User"), "User", "User Account");
        assertNames(URNS.get("Group"), "Group", "Group");
        assertNames(URNS.get("EnterpriseUser"), "EnterpriseUser", "Enterprise User");
    }

    @Test
    void resourceTypesListUserFirstWithTheRfcDescriptions() {
        JsonNode types = scim.get("ResourceTypes").json().get("Resources");
        assertEquals("User", types.get(0).get("name").asText());
        assertEquals("User Account", types.get(0).get("description").asText());
        assertEquals("/Users", types.get(0).get("endpoint").asText());
        assertEquals("Group", types.get(1).get("name").asText());
        assertEquals("Group", types.get(1).get("description").asText());
        assertEquals(URNS.get("EnterpriseUser"), types.get(0).at("/schemaExtensions/0/schema").asText());
    }

    private void assertNames(String urn, String name, String description) {
        JsonNode schema = scim.get("Schemas/" + urn).json();
        assertEquals(name, schema.get("name").asText());
        assertEquals(description, schema.get("description").asText());
    }

    private static JsonNode attribute(JsonNode schema, String path) {
        JsonNode container = schema.get("attributes");
        JsonNode found = null;
        for (String name : path.split("\\.")) {
            found = null;
            for (JsonNode attribute : container) {
                if (attribute.get("name").asText().equals(name)) {
                    found = attribute;
                }
            }
            assertNotNull(found, schema.get("id").asText() + " has no " + path);
            container = found.path("subAttributes");
        }
        return found;
    }

    private static String strip(String value) {
        return value.replace("!", "");
    }

    private static Set<String> set(String commaSeparated) {
        Set<String> values = new TreeSet<>();
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            values.addAll(Arrays.asList(commaSeparated.strip().split(",")));
        }
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
