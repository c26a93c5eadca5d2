package io.scimgate.server.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.testing.StatementCounter;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
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
     * Directory user, its emails, the User (a lookup and an insert), the link, the membership, the
     * events (about 25 statements before issue 10).
     */
    static final long CREATE_BUDGET = 10;
    /** Lock, update, emails, the link, the membership change and its checks, the events. */
    static final long PATCH_ACTIVE_BUDGET = 11;
    /** Lock the group, check the user and the membership, insert, new version, the events. */
    static final long MEMBER_ADD_BUDGET = 6;
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

    private static ScimUser newPerson() {
        String email = "p" + (++people) + "@budget.example";
        return read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
                + "\",\"name\":{\"givenName\":\"Pat\",\"familyName\":\"Lee\"},\"emails\":[{\"value\":\"" + email
                + "\",\"type\":\"work\",\"primary\":true}],\"active\":true}", ScimUser.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return resources.json().readValue(json, type);
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
        String[] ids = {resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().getId(),
                resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().getId()};
        int[] next = {0};
        long statements = statementsOf(() -> resources.users().patch(ids[next[0]++], null,
                patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"), AttributeSelection.DEFAULT));
        assertTrue(statements <= PATCH_ACTIVE_BUDGET,
                "a PATCH of active took " + statements + " statements, budget " + PATCH_ACTIVE_BUDGET);
        assertEquals(false, resources.users().find(ids[1]).orElseThrow().resource(AttributeSelection.DEFAULT).getActive());
    }

    @Test
    void addingAGroupMemberStaysWithinItsStatementBudget() {
        String groupId = resources.groups().create(read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Budgeted\"}", ScimGroup.class), AttributeSelection.DEFAULT).resource().getId();
        String[] members = {resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().getId(),
                resources.users().create(newPerson(), AttributeSelection.DEFAULT).resource().getId()};
        int[] next = {0};
        long statements = statementsOf(() -> resources.groups().patch(groupId, null,
                patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + members[next[0]++] + "\"}]}"),
                AttributeSelection.DEFAULT));
        assertTrue(statements <= MEMBER_ADD_BUDGET,
                "adding a member took " + statements + " statements, budget " + MEMBER_ADD_BUDGET);
    }
}
