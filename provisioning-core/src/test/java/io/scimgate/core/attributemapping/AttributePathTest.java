package io.scimgate.core.attributemapping;

import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.ScimgateException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RULES.md P27: where a mapped value is found in a stored SCIM user document. */
class AttributePathTest {

    private static final JsonNode USER = ScimDocument.parse("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User"],
             "userName":"ana@acme.com","title":"Engineer","active":true,
             "name":{"givenName":"Ana","familyName":"Lee"},
             "emails":[{"value":"ana@home.example","type":"home"},{"value":"ana@acme.com","type":"work","primary":true}],
             "phoneNumbers":[{"value":"+1 555","type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D","employeeNumber":42,
                 "manager":{"value":"m-1","displayName":"Bo"}},
             "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User":{"costCenter":"CC1",
                 "badge":{"level":3}}}
            """);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "title | Engineer",
            "TITLE | Engineer",
            "name.givenName | Ana",
            "Name.FamilyName | Lee",
            "emails.value | ana@acme.com",
            "phoneNumbers.value | +1 555",
            "userName | ana@acme.com",
            "active | true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department | R&D",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department | R&D",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:DEPARTMENT | R&D",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber | 42",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value | m-1",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.displayName | Bo",
            "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:costCenter | CC1",
            "urn:ietf:params:scim:schemas:extension:customextensionname:2.0:user.badge.level | 3",
            "urn:ietf:params:scim:schemas:core:2.0:User:title | Engineer",
            "urn:ietf:params:scim:schemas:core:2.0:User.name.givenName | Ana",
    })
    void resolvesAttributesSubAttributesAndExtensionsInAnyCase(String path, String expected) {
        assertEquals(expected, AttributePath.parse(path).resolve(USER).asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nickName", "name.middleName", "title.sub", "emails.display",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division",
            "urn:ietf:params:scim:schemas:extension:Other:2.0:User:costCenter",
            "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:badge.color"})
    void whatIsNotThereResolvesToNull(String path) {
        assertNull(AttributePath.parse(path).resolve(USER));
    }

    @Test
    void aWholeObjectOrExtensionResolvesAsSent() {
        assertEquals("{\"value\":\"m-1\",\"displayName\":\"Bo\"}", AttributePath
                .parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager").resolve(USER).toString());
        assertEquals("CC1", AttributePath.parse("urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User")
                .resolve(USER).get("costCenter").asText());
        assertEquals(2, AttributePath.parse("emails").resolve(USER).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "name..givenName", ".title", "title.", "emails[type eq \"work\"].value",
            "first name", "urn:bad path", "1title"})
    void aPathThatCannotNameAnAttributeIsRefused(String path) {
        ScimgateException refused = assertThrows(ScimgateException.class, () -> AttributePath.parse(path));
        assertEquals(ErrorCode.INVALID_ATTRIBUTE_PATH, refused.code());
    }

    @Test
    void aMappingGivesEveryNameItsValueOrNull() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("costCenter", "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:costCenter");
        mapping.put("department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
        mapping.put("jobTitle", "title");
        mapping.put("nickname", "nickName");
        assertEquals("{\"costCenter\":\"CC1\",\"department\":\"R&D\",\"jobTitle\":\"Engineer\",\"nickname\":null}",
                AttributeMapping.of(mapping).apply(USER).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cost center", "1st", "a-b", "an_attribute_name_of_sixty_five_characters_is_one_character_toooo"})
    void aMappingRefusesNamesThatAreNotIdentifiers(String name) {
        ScimgateException refused = assertThrows(ScimgateException.class,
                () -> AttributeMapping.of(Map.of(name, "title")));
        assertEquals(ErrorCode.INVALID_ATTRIBUTE_NAME, refused.code());
    }

    @Test
    void aMappingSurvivesItsStoredForm() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("b", "title");
        mapping.put("a", "name.givenName");
        AttributeMapping stored = AttributeMapping.fromJson(AttributeMapping.of(mapping).toJson());
        assertEquals(mapping, stored.asMap());
        assertEquals(AttributeMapping.of(mapping), stored);
    }
}
