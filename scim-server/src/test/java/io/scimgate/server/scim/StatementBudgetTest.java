package io.scimgate.server.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryListings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.scim.endpoint.ListRequest;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.testing.StatementCounter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many SQL statements the hot writes cost, counted through the DataSource the core runs on: a change that adds round trips fails here
 * in CI, long before a benchmark would show it (issue 10 §4).
 */
class StatementBudgetTest {

    /**
     * The User's lookup, the directory user inserted already holding the User's id, its emails, the
     * User, the membership, the tally, the events (about 25 statements before issue 10; 8 before the
     * seventh pass wrote the link with the insert).
     */
    static final long CREATE_BUDGET = 7;
    /**
     * Lock, update (with the deprovisioned state: the link is not read again nor written apart since
     * the seventh pass), the emails read (rewritten only when they change, which a PATCH of active
     * never does), the membership change and its checks, the events; and the sort history that
     * cursor walks read (RULES.md P31: the directory's stripe held, the values before the change;
     * meta.lastModified changes on every update, so every update writes it).
     */
    static final long PATCH_ACTIVE_BUDGET = 10;
    /**
     * Lock the group, check the user and the membership, insert, new version, the events; and the
     * whole directory user that {@code dsync.group.user_added} carries (issue 9 §2): the user with its
     * role, its emails, its groups, three reads for all the members a request adds; and the group's
     * sort history, as for a PATCH (two statements: its lastModified changes).
     */
    static final long MEMBER_ADD_BUDGET = 11;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase database;
    private static HikariDataSource pool;
    private static StatementCounter counter;
    private static ProvisioningCore core;
    private static ScimResources resources;
    private static Directory directory;
    private static int people;

    @BeforeAll
    static void store() {
        database = TestDatabases.create();
        pool = database.dataSource();
        counter = new StatementCounter();
        // Caches stay warm for the whole test, so that what is counted is the write itself.
        core = ProvisioningCore.builder().dataSource(counter.wrap(pool)).tenantCacheFreshness(Duration.ofHours(1)).build();
        resources = new ScimResources(core);
        String organizationId = core.organizations().create("Budget").id();
        core.domains().verify(organizationId, core.domains().add(organizationId, "budget.example",
                VerificationStrategy.MANUAL).id());
        directory = core.directories().create(organizationId, "Okta", DirectoryProvider.OKTA).directory();
    }

    @AfterAll
    static void close() {
        core.close();
        pool.close();
        TestDatabases.drop(database);
    }

    @BeforeEach
    void bind() {
        ScimRequest.begin(new ScimRequest(directory, "http://127.0.0.1/scim/v2/" + directory.id(), IfMatch.NONE));
    }

    @AfterEach
    void unbind() {
        ScimRequest.end();
    }

    /**
     * The statements {@code write} takes on the request's thread once the caches are warm. Its events
     * are published afterwards by the relay, whose round (5 statements) serves every transaction
     * committed since the previous one.
     */
    private static long statementsOf(Supplier<?> write) {
        write.get(); // warms the caches and the JIT; not counted
        core.events().lastId();
        counter.reset();
        counter.countOnly(Thread.currentThread());
        try {
            write.get();
            return counter.statements();
        } finally {
            counter.countOnly(null);
        }
    }

    private static JsonNode newPerson() {
        String email = "p" + (++people) + "@budget.example";
        return read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
                + "\",\"name\":{\"givenName\":\"Pat\",\"familyName\":\"Lee\"},\"emails\":[{\"value\":\"" + email
                + "\",\"type\":\"work\",\"primary\":true}],\"active\":true}");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode patch(String operation) {
        try {
            return JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                    + operation + "]}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCreateWithFullProvisioningStaysWithinItsStatementBudget() {
        long statements = statementsOf(() -> resources.users().create(newPerson(), AttributeSelection.DEFAULT));
        assertTrue(statements <= CREATE_BUDGET, "a create took " + statements + " statements, budget " + CREATE_BUDGET);
    }

    @Test
    void aPatchOfActiveStaysWithinItsStatementBudget() {
        String[] ids = {resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().get("id").asText(),
                resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().get("id").asText()};
        int[] next = {0};
        long statements = statementsOf(() -> resources.users().patch(ids[next[0]++], null,
                patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"), AttributeSelection.DEFAULT));
        assertTrue(statements <= PATCH_ACTIVE_BUDGET,
                "a PATCH of active took " + statements + " statements, budget " + PATCH_ACTIVE_BUDGET);
        assertEquals(false, resources.users().find(ids[1]).orElseThrow().resource(AttributeSelection.DEFAULT).get("active").asBoolean());
    }

    @Test
    void addingAGroupMemberStaysWithinItsStatementBudget() {
        String groupId = resources.groups().create(read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Budgeted\"}"), AttributeSelection.DEFAULT).resource().get("id").asText();
        String[] members = {resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().get("id").asText(),
                resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().get("id").asText()};
        int[] next = {0};
        long statements = statementsOf(() -> resources.groups().patch(groupId, null,
                patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + members[next[0]++] + "\"}]}"),
                AttributeSelection.DEFAULT));
        assertTrue(statements <= MEMBER_ADD_BUDGET,
                "adding a member took " + statements + " statements, budget " + MEMBER_ADD_BUDGET);
    }

    /**
     * An unfiltered page answers totalResults from the directory's kept count (V82.3), not by counting
     * the directory's users on every page; a filtered page still counts its matches.
     */
    @Test
    void anUnfilteredListPageDoesNotCountTheDirectorysUsers() {
        for (int i = 0; i < 3; i++) {
            resources.users().create(newPerson(), AttributeSelection.DEFAULT);
        }
        int users = DirectoryListings.users(core).count(directory.id(), DSL.noCondition());
        ListPage<?>[] page = new ListPage<?>[1];
        long statements = statementsOf(() -> page[0] = resources.users().list(
                ListRequest.of((String) null, null, null, 1, 2, null), AttributeSelection.DEFAULT));
        List<String> sql = counter.preparedSql();
        assertTrue(sql.stream().noneMatch(text -> text.toLowerCase(Locale.ROOT).contains("count(")), sql::toString);
        assertEquals(3, statements, "the kept count, the page, its users' groups: " + sql);
        assertEquals(users, page[0].total());
        assertEquals(2, page[0].items().size());

        ListPage<?> filtered = resources.users().list(ListRequest.of("userName pr", null, null, 1, 2, null),
                AttributeSelection.DEFAULT);
        assertEquals(users, filtered.total());
    }

    /** GET /Users/{id} with its groups: the user by primary key alone (P5 checked in Java), then its groups. */
    @Test
    void aGetByIdReadsTheUserByPrimaryKeyThenItsGroups() {
        String id = resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().get("id").asText();
        for (String name : List.of("Readers B", "Readers A")) {
            resources.groups().create(read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                    + name + "\",\"members\":[{\"value\":\"" + id + "\"}]}"), AttributeSelection.DEFAULT);
        }
        JsonNode[] user = new JsonNode[1];
        long statements = statementsOf(() -> user[0] = resources.users().find(id).orElseThrow().resource(AttributeSelection.DEFAULT));
        assertEquals(2, statements, counter.preparedSql().toString());
        String where = counter.preparedSql().get(0).toLowerCase(Locale.ROOT).replaceAll(".* where (.*)", "$1");
        assertTrue(where.contains("directory_user.id = ") && !where.contains("directory_id"), "read by primary key alone: " + where);
        assertEquals(id, user[0].get("id").asText());
        assertEquals("Readers B", user[0].get("groups").get(0).get("display").asText(), "in the groups' creation order");
        assertEquals("Readers A", user[0].get("groups").get(1).get("display").asText());
    }

    /**
     * A filter that matches one user on its first page (the IdPs' lookup before a create): the page
     * and its users' groups; the total is the page's size, with no count of the matches.
     */
    @Test
    void aFilterLookupDoesNotCountMatchesItsFirstPageHoldsAll() {
        JsonNode person = newPerson();
        resources.users().create(person, AttributeSelection.DEFAULT);
        ListPage<?>[] page = new ListPage<?>[1];
        long statements = statementsOf(() -> page[0] = resources.users().list(ListRequest.of(
                "userName eq \"" + person.get("userName").asText() + "\"", null, null, 1, 100, null), AttributeSelection.DEFAULT));
        List<String> sql = counter.preparedSql();
        assertEquals(2, statements, "the page, its users' groups: " + sql);
        assertTrue(sql.stream().noneMatch(text -> text.toLowerCase(Locale.ROOT).contains("count(")), sql::toString);
        assertEquals(1, page[0].total());
        assertEquals(1, page[0].items().size());

        long none = statementsOf(() -> page[0] = resources.users().list(ListRequest.of("externalId eq \"nobody\"", null, null,
                1, 100, null), AttributeSelection.DEFAULT));
        assertEquals(1, none, "an empty first page: " + counter.preparedSql());
        assertEquals(0, page[0].total());
    }
}
