package io.scimgate.server.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one resolver of attribute paths, as a table: what clients write, and where it points. */
class SchemaPathsTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
    private static final SchemaRegistry REGISTRY = ScimSchemas.registry();
    private static final SchemaPaths USERS = ScimSchemas.users(REGISTRY);
    private static final SchemaPaths GROUPS = ScimSchemas.groups(REGISTRY);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userName                                                                  | userName
            USERNAME                                                                  | userName
            name.givenName                                                            | name.givenName
            NAME.familyname                                                           | name.familyName
            name.FamilyName                                                           | name.familyName
            emails                                                                    | emails
            emails.Value                                                              | emails.value
            meta.Created                                                              | meta.created
            urn:ietf:params:scim:schemas:core:2.0:User:userName                       | userName
            URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:name.givenName                 | name.givenName
            urn:ietf:params:scim:schemas:core:2.0:User.displayName                    | displayName
            urn:scim:schemas:core:1.0:userName                                        | userName
            urn:scim:schemas:core:2.0:displayName                                     | displayName
            employeeNumber                                                            | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber
            Manager.Value                                                             | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager        | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager        | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.value  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value
            URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Department     | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department
            urn:scim:schemas:extension:enterprise:1.0:department                      | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department
            urn:scim:schemas:extension:enterprise:2.0:employeeNumber                  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User                | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User
            urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:costCenter | urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:costCenter
            urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:site.floor | urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:site.floor
            """)
    void userPathsResolveToTheSchemasSpelling(String text, String canonical) {
        assertEquals(canonical, USERS.resolve(text).name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            emails[type eq "work"].value                    | emails.value      | emails.type EQ "work"
            Emails[Type eq "work"].Value                    | emails.value      | emails.type EQ "work"
            emails[type eq "work" and primary eq true]      | emails            | emails.type EQ "work" AND emails.primary EQ true
            addresses[type eq "work"].postalCode            | addresses.postalCode | addresses.type EQ "work"
            emails[value co "]"]                            | emails            | emails.value CO "]"
            emails[type eq work]                            | emails            | emails.type EQ "work"
            """)
    void valuePathsKeepTheirFilterWithCanonicalNames(String text, String name, String filter) {
        SchemaPath path = USERS.resolve(text);
        assertEquals(name, path.name());
        assertEquals(filter, path.filter().toFilter());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            favouriteColour                                    | false
            name.nickname                                      | false
            urn:x:y:z:title                                    | false
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:favourite | false
            title[value eq "x"]                                | false
            emails[nickname eq "x"]                            | false
            emails[type eq                                     | true
            a.b.c                                              | true
            user name                                          | true
            emails[type eq "work"]x                            | true
            urn:ietf                                           | true
            """)
    void pathsToNothingAreUnknown(String text, boolean syntax) {
        UnknownPath unknown = assertThrows(UnknownPath.class, () -> USERS.resolve(text));
        assertEquals(syntax, unknown.isSyntaxError(), unknown::getMessage);
    }

    @Test
    void anEmptyPathIsNotAPath() {
        assertTrue(assertThrows(UnknownPath.class, () -> USERS.resolve(" ")).isSyntaxError());
    }

    @Test
    void undeclaredExtensionsAreKeptAsSentAndUnderstoodWithADotOnceKnown() {
        SchemaPath colon = USERS.resolve(CUSTOM + ":costCenter");
        assertFalse(colon.declared());
        assertEquals(CUSTOM, colon.urn());
        assertEquals("costCenter", colon.attributeName());

        SchemaPath dot = USERS.resolve(CUSTOM + ".costCenter", List.of(CUSTOM));
        assertEquals(CUSTOM, dot.urn());
        assertEquals("costCenter", dot.attributeName());

        SchemaPath whole = USERS.resolve(CUSTOM.toLowerCase(), List.of(CUSTOM));
        assertTrue(whole.wholeSchema());
        assertEquals(CUSTOM, whole.urn(), "the URN as the resource holds it");
    }

    @Test
    void aWholeDeclaredExtensionIsItsSchema() {
        SchemaPath enterprise = USERS.resolve(ENTERPRISE.toUpperCase());
        assertTrue(enterprise.wholeSchema());
        assertTrue(enterprise.declared());
        assertNull(enterprise.attribute());
    }

    @Test
    void referencesFromSCIMplesFilterParserResolveLikeText() {
        assertEquals(ENTERPRISE + ":manager", USERS.resolve(new AttributeReference(ENTERPRISE + ".manager")).name());
        assertEquals("name.familyName", USERS.resolve(new AttributeReference("name.FamilyName")).name());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            members                                       | members
            Members.Value                                 | members.value
            members[display sw "A"]                       | members
            members[value eq "u1" or value eq "u2"]       | members
            urn:scim:schemas:core:1.0:displayName         | displayName
            urn:ietf:params:scim:schemas:core:2.0:Group:externalId | externalId
            """)
    void groupPathsResolveToo(String text, String canonical) {
        assertEquals(canonical, GROUPS.resolve(text).name());
    }

    @Test
    void readOnlyAttributesAreKnownAsSuch() {
        assertTrue(USERS.resolve("id").readOnly());
        assertTrue(USERS.resolve("meta.created").readOnly());
        assertTrue(USERS.resolve("groups").readOnly());
        assertTrue(USERS.resolve("manager.displayName").readOnly());
        assertFalse(USERS.resolve("manager.value").readOnly());
    }
}
