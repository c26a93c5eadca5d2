package io.scimgate.core.directory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.testing.QueryDirectory;
import io.scimgate.core.testing.TestCore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query API on the database under test (H2 or PostgreSQL), with filter trees built as a host
 * builds them: attributes by canonical name, typed values, value paths with bare sub-attributes.
 * (scim-server's FilterTranslatorTest covers every operator on every attribute from SCIM filter text.)
 */
class DirectoryQueryTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

    private static TestCore test;
    private static DirectoryUsers users;
    private static DirectoryGroups groups;
    private static String directoryId;
    private static Map<String, String> names;

    @BeforeAll
    static void directory() {
        test = TestCore.start();
        users = test.core().directoryUsers();
        groups = test.core().directoryGroups();
        QueryDirectory seeded = QueryDirectory.seed(test.core(), "100");
        directoryId = seeded.directoryId();
        names = seeded.ids().entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    @AfterAll
    static void close() {
        test.close();
    }

    private static Set<String> matching(Filter filter) {
        return users.list(directoryId, new DirectoryQuery(filter, null, new Paging.ByIndex(1, 100))).items().stream()
                .map(user -> names.get(user.id())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Filter.Comparison compare(String attribute, Operator operator, FilterValue value) {
        return new Filter.Comparison(attribute, operator, value);
    }

    @Test
    void stringsCompareByTheirCaseExactnessAndLikeCharactersAreLiteral() {
        assertEquals(Set.of("ana"), matching(compare("userName", Operator.EQ, FilterValue.of("ANA.LEE@CORP.EXAMPLE"))));
        assertEquals(Set.of("ana"), matching(compare("USERNAME", Operator.CO, FilterValue.of("lee"))), "names in any case");
        assertEquals(Set.of("ana"), matching(compare("externalId", Operator.EQ, FilterValue.of("Ext-1"))), "caseExact");
        assertEquals(Set.of("cy"), matching(compare("userName", Operator.CO, FilterValue.of("%"))));
        assertEquals(Set.of("bo"), matching(compare("displayName", Operator.CO, FilterValue.of("_"))));
        assertEquals(Set.of("bo", "cy"), matching(compare("name.givenName", Operator.GT, FilterValue.of("ANA"))));
        assertEquals(Set.of("ana"), matching(compare(ENTERPRISE + "department", Operator.EQ, FilterValue.of("r&d"))));
    }

    @Test
    void aValueIsReadAsTheAttributesKind() {
        assertEquals(Set.of("bo"), matching(compare(ENTERPRISE + "employeeNumber", Operator.EQ,
                new FilterValue.Number(BigDecimal.valueOf(100)))), "a number compared with a string is its text");
        assertEquals(Set.of("ana", "cy"), matching(compare("active", Operator.EQ, FilterValue.of(true))));
        assertEquals(Set.of("bo"), matching(compare("active", Operator.EQ, FilterValue.of("FALSE"))));
        assertEquals(Set.of("ana", "bo", "cy"), matching(compare("meta.created", Operator.GT,
                new FilterValue.DateTime(OffsetDateTime.parse("2000-01-01T00:00:00Z")))));
        assertEquals(Set.of(), matching(compare("meta.lastModified", Operator.LT, FilterValue.of("2000-01-01T00:00:00"))));
    }

    @Test
    void nullMatchesAMissingValueAndNeverAnotherComparison() {
        assertEquals(Set.of("cy"), matching(compare("title", Operator.EQ, FilterValue.NULL)));
        assertEquals(Set.of("ana", "bo"), matching(compare("title", Operator.NE, FilterValue.NULL)));
        assertEquals(Set.of("bo", "cy"), matching(new Filter.Not(compare("title", Operator.EQ, FilterValue.of("Engineer")))),
                "not (title eq x) matches users without a title too");
    }

    @Test
    void multiValuedAttributesMatchAnyValueAndValuePathsOneValueAsAWhole() {
        assertEquals(Set.of("bo"), matching(compare("emails", Operator.EQ, FilterValue.of("BO@corp.example"))),
                "a multi-valued attribute alone is its value");
        assertEquals(Set.of("ana", "bo"), matching(new Filter.Present("emails")));
        Filter workAndPrimary = new Filter.ValuePath("emails", new Filter.And(compare("type", Operator.EQ, FilterValue.of("work")),
                compare("emails.primary", Operator.EQ, FilterValue.of(true))));
        assertEquals(Set.of("ana"), matching(workAndPrimary));
        Filter homeAndPrimary = new Filter.ValuePath("emails", new Filter.And(compare("type", Operator.EQ, FilterValue.of("home")),
                compare("primary", Operator.EQ, FilterValue.of(true))));
        assertEquals(Set.of(), matching(homeAndPrimary), "ana has a home email and a primary one, but not one that is both");
        assertEquals(Set.of("eng"), groups.list(directoryId, new DirectoryQuery(
                        new Filter.ValuePath("members", compare("value", Operator.EQ, FilterValue.of(idOf("ana")))), null,
                        new Paging.ByIndex(1, 10))).items().stream()
                .map(group -> names.get(group.id())).collect(Collectors.toSet()));
    }

    @Test
    void whatCannotBeAnsweredIsAnInvalidQueryNamingTheProblem() {
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "nickName",
                () -> matching(compare("nickName", Operator.EQ, FilterValue.of("x"))));
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "active",
                () -> matching(compare("active", Operator.CO, FilterValue.of(true))));
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "true or false",
                () -> matching(compare("active", Operator.EQ, FilterValue.of("yes"))));
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "RFC 3339",
                () -> matching(compare("meta.created", Operator.GT, FilterValue.of("yesterday"))));
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "'gt null'",
                () -> matching(compare("title", Operator.GT, FilterValue.NULL)));
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "value path",
                () -> matching(new Filter.ValuePath("title", new Filter.Present("value"))));
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "userName",
                () -> matching(new Filter.ValuePath("emails", compare("userName", Operator.EQ, FilterValue.of("x")))));
        assertInvalid(InvalidQueryException.Reason.INVALID_FILTER, "nested",
                () -> matching(new Filter.ValuePath("emails", new Filter.ValuePath("emails", new Filter.Present("value")))));
        assertInvalid(InvalidQueryException.Reason.INVALID_SORT, "members.value",
                () -> groups.list(directoryId, new DirectoryQuery(null, new Sort("members.value", false), new Paging.ByIndex(1, 10))));
        assertInvalid(InvalidQueryException.Reason.INVALID_CURSOR, "not issued",
                () -> users.list(directoryId, new DirectoryQuery(null, null, new Paging.ByCursor("not-a-cursor", 10))));
    }

    @Test
    void aCursorWalkVisitsEveryMatchOnceAndBelongsToItsQuery() {
        Sort byUserName = new Sort("userName", true);
        List<String> walked = new ArrayList<>();
        ResultPage<DirectoryUser> page = users.list(directoryId, new DirectoryQuery(null, byUserName, new Paging.ByCursor("", 1)));
        assertNull(page.previousCursor());
        while (true) {
            assertEquals(3, page.total());
            page.items().forEach(user -> walked.add(names.get(user.id())));
            if (page.nextCursor() == null) {
                break;
            }
            String next = page.nextCursor();
            page = users.list(directoryId, new DirectoryQuery(null, byUserName, new Paging.ByCursor(next, 1)));
        }
        assertEquals(List.of("cy", "bo", "ana"), walked, "descending code point order of the userName key");
        ResultPage<DirectoryUser> first = users.list(directoryId, new DirectoryQuery(null, byUserName, new Paging.ByCursor("", 1)));
        assertInvalid(InvalidQueryException.Reason.INVALID_CURSOR, "another query", () -> users.list(directoryId,
                new DirectoryQuery(null, new Sort("userName", false), new Paging.ByCursor(first.nextCursor(), 1))));
    }

    @Test
    void indexPagesCountEveryMatchOfTheDirectoryOnly() {
        ResultPage<DirectoryUser> second = users.list(directoryId,
                new DirectoryQuery(compare("userName", Operator.EW, FilterValue.of("@corp.example")), new Sort("userName", false),
                        new Paging.ByIndex(2, 1)));
        assertEquals(3, second.total(), "the other directory's ana.lee@corp.example is not counted");
        assertEquals(List.of("bo"), second.items().stream().map(user -> names.get(user.id())).toList());
        assertEquals(2, second.startIndex());
        assertFalse(second.items().isEmpty());
    }

    @Test
    void theCatalogueListsWhatCanBeFilteredAndSorted() {
        AttributeCatalogue catalogue = DirectoryUsers.queryCatalogue();
        QueryableAttribute emailType = catalogue.find("EMAILS.TYPE").orElseThrow();
        assertEquals("emails", emailType.multiValuedParent());
        assertTrue(emailType.sortable(), "sorting by an email's sub-attribute sorts by the primary email");
        assertFalse(DirectoryGroups.queryCatalogue().find("members.value").orElseThrow().sortable());
        assertEquals("emails.value", catalogue.find("emails").orElseThrow().name(), "the default sub-attribute");
        assertTrue(catalogue.find("externalId").orElseThrow().caseExact());
        assertEquals(AttributeKind.DATE_TIME, catalogue.find("meta.created").orElseThrow().kind());
        assertTrue(catalogue.hasValuePathOn("emails"));
        assertTrue(DirectoryGroups.queryCatalogue().hasValuePathOn("members"));
        assertTrue(DirectoryGroups.queryCatalogue().find("userName").isEmpty());
    }

    private static String idOf(String name) {
        return names.entrySet().stream().filter(entry -> entry.getValue().equals(name)).findFirst().orElseThrow().getKey();
    }

    private static void assertInvalid(InvalidQueryException.Reason reason, String named, Runnable query) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, query::run);
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().contains(named), e::getMessage);
    }
}
