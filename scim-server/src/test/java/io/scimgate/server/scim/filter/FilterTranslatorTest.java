package io.scimgate.server.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.testing.QueryDirectory;
import io.scimgate.core.testing.TestCore;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.paging.DirectoryPages;
import java.util.Arrays;
import io.scimgate.server.scim.schema.ScimSchemas;
import java.util.Map;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every operator on every filterable attribute, written as SCIM filters, translated into the core's
 * query and evaluated by the database under test (H2 or PostgreSQL) over a small directory: rows
 * are a filter and the users (or groups) it must match. Errors are the SCIM errors a client gets,
 * whether the translation or the core refuses the filter.
 */
class FilterTranslatorTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static TestCore test;
    private static DirectoryUsers users;
    private static DirectoryGroups groups;
    private static String directoryId;
    private static Map<String, String> ids;
    private static final SchemaRegistry SCHEMAS = ScimSchemas.registry();
    private static final FilterTranslator USER_FILTERS = FilterTranslator.forUsers(ScimSchemas.users(SCHEMAS));
    private static final FilterTranslator GROUP_FILTERS = FilterTranslator.forGroups(ScimSchemas.groups(SCHEMAS));

    @BeforeAll
    static void directory() {
        test = TestCore.start();
        users = test.core().directoryUsers();
        groups = test.core().directoryGroups();
        QueryDirectory seeded = QueryDirectory.seed(test.core(), "0100");
        directoryId = seeded.directoryId();
        ids = seeded.ids();
    }

    @AfterAll
    static void close() {
        test.close();
    }

    private static Set<String> matchingUsers(String filter) {
        return DirectoryPages.of(() -> users.list(directoryId, query(USER_FILTERS, filter))).items().stream()
                .map(user -> nameOf(user.id())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> matchingGroups(String filter) {
        return DirectoryPages.of(() -> groups.list(directoryId, query(GROUP_FILTERS, filter))).items().stream()
                .map(group -> nameOf(group.id())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static DirectoryQuery query(FilterTranslator translator, String filter) {
        return new DirectoryQuery(translator.toFilter(ScimFilterParser.parse(withIds(filter))), null, new Paging.ByIndex(1, 100));
    }

    private static String withIds(String filter) {
        String result = filter;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace("{" + id.getKey() + "}", id.getValue());
        }
        return result;
    }

    private static String nameOf(String id) {
        return ids.entrySet().stream().filter(entry -> entry.getValue().equals(id)).findFirst().orElseThrow().getKey();
    }

    private static Set<String> names(String expected) {
        return expected == null || expected.isBlank() ? Set.of()
                : Arrays.stream(expected.split(" ")).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0} → [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            userName eq "ANA.LEE@CORP.EXAMPLE"                          | ana
            USERNAME EQ "bo@corp.example"                               | bo
            urn:ietf:params:scim:schemas:core:2.0:User:userName eq "bo@corp.example" | bo
            userName ne "bo@corp.example"                               | ana cy
            userName co "LEE"                                           | ana
            userName sw "BO"                                            | bo
            userName ew "@CORP.EXAMPLE"                                 | ana bo cy
            userName co "%"                                             | cy
            userName gt "b"                                             | bo cy
            userName ge "bo@corp.example"                               | bo cy
            userName lt "bo"                                            | ana
            userName le "BO@corp.example"                               | ana bo
            userName pr                                                 | ana bo cy
            externalId eq "Ext-1"                                       | ana
            externalId eq "ext-1"                                       | bo
            externalId ne "ext-1"                                       | ana
            externalId co "xt"                                          | ana bo
            externalId pr                                               | ana bo
            not (externalId pr)                                         | cy
            id eq "{ana}"                                               | ana
            id eq "{ana}" or id eq "{cy}"                               | ana cy
            displayName eq "ana lee"                                    | ana
            displayName co "_"                                          | bo
            displayName ew "NG"                                         | bo
            displayName pr                                              | ana bo
            name.givenName sw "a"                                       | ana
            name.givenName gt "BO"                                      | cy
            name.familyName eq "NG"                                     | bo
            name.familyName pr                                          | ana bo
            title eq "engineer"                                         | ana
            title ne "Engineer"                                         | bo
            not (title eq "Engineer")                                   | bo cy
            title lt "manager"                                          | ana
            active eq true                                              | ana cy
            active eq false                                             | bo
            active ne true                                              | bo
            active pr                                                   | ana bo cy
            emails.value eq "ANA@HOME.EXAMPLE"                          | ana
            emails eq "bo@corp.example"                                 | bo
            emails.value co "home"                                      | ana
            emails.value ne "bo@corp.example"                           | ana
            emails.type eq "HOME"                                       | ana
            emails.primary eq true                                      | ana
            emails.primary eq false                                     | ana bo
            emails pr                                                   | ana bo
            not (emails pr)                                             | cy
            emails[type eq "work" and primary eq true]                  | ana
            emails[type eq "home" or primary eq false]                  | ana bo
            emails[not (type eq "work")]                                | ana
            emails[type eq "work"].value eq "bo@corp.example"           | bo
            emails[type eq "work"].value eq "ana@home.example"          |
            emails[type eq "work"].value co "corp"                      | ana bo
            emails[value sw "ana" and type eq "work"]                   | ana
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "0042" | ana
            employeeNumber gt "0050"                                    | bo
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "r&d" | ana
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr | ana bo
            meta.created gt "2000-01-01T00:00:00Z"                      | ana bo cy
            meta.lastModified lt "2000-01-01T00:00:00Z"                 |
            meta.lastModified ge "2000-01-01T00:00:00"                  | ana bo cy
            userName eq "x" or (active eq false and title pr)           | bo
            (userName sw "a" or userName sw "b") and not (active eq false) | ana
            userName eq "nobody@corp.example"                           |
            userName sw "a" or active eq false and title eq "x"         | ana
            active eq false and title eq "x" or userName sw "a"         | ana
            userName sw "c" or userName sw "b" and active eq false or title eq "Engineer" | ana bo cy
            emails[type eq "home" or type eq "work" and primary eq true] | ana
            """)
    void userFilters(String filter, String expected) {
        assertEquals(names(expected), matchingUsers(filter));
    }

    @ParameterizedTest(name = "{0} → [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            displayName eq "ENGINEERING"                                | eng
            displayName sw "o"                                          | ops
            displayName ne "Ops"                                        | eng
            externalId eq "G-1"                                         | eng
            externalId eq "g-1"                                         |
            externalId pr                                               | eng
            members.value eq "{bo}"                                     | eng ops
            members eq "{ana}"                                          | eng
            members[value eq "{ana}"]                                   | eng
            members[value eq "{ana}" or value eq "{bo}"]                | eng ops
            members pr                                                  | eng ops
            not (members[value eq "{ana}"])                             | ops
            id eq "{ops}"                                               | ops
            meta.created gt "2000-01-01T00:00:00Z"                      | eng ops
            """)
    void groupFilters(String filter, String expected) {
        assertEquals(names(expected), matchingGroups(filter));
    }

    @ParameterizedTest(name = "{0} → invalidFilter naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nickName eq "x"                                             | 'nickName'
            NICKNAME eq "x"                                             | 'nickName'
            emails.display eq "x"                                       | 'emails.display'
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x" | manager.value
            phoneNumbers[type eq "work"]                                | 'phoneNumbers'
            emails[type eq "work" and userName eq "x"]                  | userName
            active gt true                                              | active
            active eq "yes"                                             | active
            meta.created eq "yesterday"                                 | meta.created
            userName eq "x" trailing                                    | trailing
            userName equals "x"                                         | cannot be parsed
            (userName eq "x"                                            | cannot be parsed
            userName eq                                                 | cannot be parsed
            """)
    void unsupportedFiltersAreInvalidFilterNamingTheProblem(String filter, String named) {
        ScimProblem problem = assertThrows(ScimProblem.class, () -> matchingUsers(filter));
        assertEquals(400, problem.status());
        assertEquals("invalidFilter", problem.scimType());
        assertTrue(problem.getMessage().contains(named), problem::getMessage);
    }

    @ParameterizedTest(name = "{0} → invalidFilter")
    @CsvSource(delimiter = '|', textBlock = """
            members.display eq "x"                                      | 'members.display'
            userName eq "x"                                             | 'userName'
            """)
    void groupsRefuseUserAttributes(String filter, String named) {
        ScimProblem problem = assertThrows(ScimProblem.class, () -> matchingGroups(filter));
        assertEquals("invalidFilter", problem.scimType());
        assertTrue(problem.getMessage().contains(named), problem::getMessage);
    }

    @org.junit.jupiter.api.Test
    void inputLimitsAreCheckedBeforeParsing() {
        String tooLong = "userName eq \"" + "x".repeat(ScimFilterParser.MAX_LENGTH) + "\"";
        ScimProblem length = assertThrows(ScimProblem.class, () -> ScimFilterParser.parse(tooLong));
        assertEquals("invalidFilter", length.scimType());
        String deep = "(".repeat(11) + "userName eq \"x\"" + ")".repeat(11);
        ScimProblem depth = assertThrows(ScimProblem.class, () -> ScimFilterParser.parse(deep));
        assertEquals("invalidFilter", depth.scimType());
        String deepest = "(".repeat(10) + "userName eq \"bo@corp.example\"" + ")".repeat(10);
        assertEquals(Set.of("bo"), matchingUsers(deepest));
    }

    /** Quoted values are JSON strings: a value no store can hold, written as an escape, is refused. */
    @ParameterizedTest(name = "{0} → invalidFilter")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            userName eq "a\\u0000"
            title sw "\\udc00"
            emails[value eq "\\ud800x"]
            """)
    void aComparedValueNoStoreCanHoldIsInvalidFilter(String filter) {
        ScimProblem problem = assertThrows(ScimProblem.class, () -> matchingUsers(filter));
        assertEquals("invalidFilter", problem.scimType());
        assertTrue(problem.getMessage().contains("U+0000") || problem.getMessage().contains("unpaired surrogate"),
                problem::getMessage);
    }

    @org.junit.jupiter.api.Test
    void quotedValuesAreJsonStringsInAnyScript() {
        assertEquals(Set.of("bo"), matchingUsers("userName eq \"\\u0062o@corp.example\""));
        assertEquals(Set.of("bo"), matchingUsers("displayName eq \"Bo\\u005fNg\""));
        assertEquals(Set.of(), matchingUsers("displayName eq \"Bö_Ng\""));
        String pair = new String(Character.toChars(0x1F600));
        assertEquals(Set.of(), matchingUsers("userName eq \"" + pair + "\""), "a pair of surrogates is a character");
    }
}
