package io.scimgate.server.scim;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.scim.endpoint.Stored;
import io.scimgate.server.scim.groups.ScimGroupRepository;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.testing.StatementCounter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group of 100,000 members: changing one member, or reading the group without its members,
 * touches a handful of rows, counted through the DataSource the core runs on.
 */
class LargeGroupTest {

    private static final int MEMBERS = 100_000;
    private static final long FEW = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HikariDataSource pool;
    private static StatementCounter counter;
    private static ProvisioningCore core;
    private static ScimGroupRepository groups;
    private static Directory directory;
    private static String groupId;
    private static String newcomer;

    @BeforeAll
    static void hugeGroup() {
        pool = TestDatabases.create().dataSource();
        counter = new StatementCounter();
        core = ProvisioningCore.builder().dataSource(counter.wrap(pool)).build();
        groups = new ScimResources(core).groups();
        String organizationId = core.organizations().create("Big").id();
        directory = core.directories().create(organizationId, "Okta", DirectoryProvider.OKTA).directory();
        if (CoreInternals.database(core).dialect() == SQLDialect.H2) {
            // H2's default 64 MB page cache thrashes while a hundred thousand rows enter fourteen indexes.
            CoreInternals.database(core).dsl().execute("SET CACHE_SIZE 524288");
        }
        insertUsers(CoreInternals.database(core).dsl(), directory.id());
        groupId = core.directoryGroups().create(directory.id(), new DirectoryGroupData("Everyone", null,
                "{\"displayName\":\"Everyone\"}"), List.of()).id();
        CoreInternals.database(core).dsl().insertInto(DIRECTORY_GROUP_MEMBER,
                        DIRECTORY_GROUP_MEMBER.GROUP_ID, DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID,
                        DIRECTORY_GROUP_MEMBER.DIRECTORY_ID, DIRECTORY_GROUP_MEMBER.ADDED_AT)
                .select(DSL.select(DSL.val(groupId), DIRECTORY_USER.ID, DIRECTORY_USER.DIRECTORY_ID,
                                DSL.val(Times.now(Clock.systemUTC())))
                        .from(DIRECTORY_USER).where(DIRECTORY_USER.DIRECTORY_ID.eq(directory.id())))
                .execute();
        newcomer = core.directoryUsers().create(directory.id(), new DirectoryUserData("newcomer@big.example", null, true,
                null, null, null, List.of(), null, null, null, "{\"userName\":\"newcomer@big.example\"}")).id();
    }

    /** One INSERT … SELECT over a generated series: a hundred thousand POSTs would take minutes. */
    private static void insertUsers(DSLContext dsl, String directoryId) {
        OffsetDateTime now = Times.now(Clock.systemUTC());
        Table<?> series = DSL.generateSeries(1, MEMBERS).as("s", "n");
        Field<String> n = series.field("n").cast(String.class);
        Field<String> userName = DSL.concat(DSL.val("member"), n, DSL.val("@big.example"));
        dsl.insertInto(DIRECTORY_USER, DIRECTORY_USER.ID, DIRECTORY_USER.DIRECTORY_ID, DIRECTORY_USER.USER_NAME,
                        DIRECTORY_USER.USER_NAME_KEY, DIRECTORY_USER.ACTIVE, DIRECTORY_USER.ATTRIBUTES,
                        DIRECTORY_USER.VERSION, DIRECTORY_USER.CREATED_AT, DIRECTORY_USER.UPDATED_AT)
                .select(DSL.select(DSL.concat(DSL.val("m-"), n), DSL.val(directoryId), userName, userName,
                                DSL.inline(true), DSL.concat(DSL.val("{\"userName\":\""), userName, DSL.val("\"}")),
                                DSL.inline(1L), DSL.val(now), DSL.val(now))
                        .from(series))
                .execute();
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @BeforeEach
    void bind() {
        ScimRequest.begin(new ScimRequest(directory, "http://127.0.0.1/scim/v2/" + directory.id(), IfMatch.NONE));
        // The core's background workers (event relay, history pruning) share the pool: count the request only.
        counter.countOnly(Thread.currentThread());
        counter.reset();
    }

    @AfterEach
    void unbind() {
        ScimRequest.end();
    }

    private static JsonNode patch(String operation) {
        try {
            return JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                    + operation + "]}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int memberCount() {
        return CoreInternals.database(core).dsl().fetchCount(DIRECTORY_GROUP_MEMBER, DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(groupId));
    }

    @Test
    void addingAndRemovingOneMemberTouchesAFewRowsOnly() {
        Stored added = groups.patch(groupId, null,
                patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + newcomer + "\"}]}"),
                AttributeSelection.DEFAULT);
        assertNull(added.resource(), "204: the response needs no members");
        assertTrue(counter.statements() <= FEW, "statements: " + counter.preparedSql());
        assertTrue(counter.rowsRead() <= FEW, "rows read: " + counter.rowsRead());
        assertEquals(MEMBERS + 1, memberCount());

        counter.reset();
        groups.patch(groupId, null, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + newcomer + "\\\"]\"}"),
                AttributeSelection.DEFAULT);
        assertTrue(counter.statements() <= FEW, "statements: " + counter.preparedSql());
        assertTrue(counter.rowsRead() <= FEW, "rows read: " + counter.rowsRead());
        assertEquals(MEMBERS, memberCount());
    }

    @Test
    void renamingTheGroupDoesNotReadItsMembers() {
        groups.patch(groupId, null, patch("{\"op\":\"replace\",\"value\":{\"id\":\"" + groupId + "\",\"displayName\":\"All\"}}"),
                AttributeSelection.DEFAULT);
        assertTrue(counter.rowsRead() <= FEW, "rows read: " + counter.rowsRead());
        assertEquals(MEMBERS, memberCount());
    }

    @Test
    void readingWithoutMembersDoesNotReadThem() {
        JsonNode group = groups.find(groupId).orElseThrow()
                .resource(AttributeSelection.parse(null, "members", groups.paths()));
        assertFalse(group.has("members"));
        assertTrue(counter.rowsRead() <= 2, "rows read: " + counter.rowsRead());
        var listed = groups.list(io.scimgate.server.scim.endpoint.ListRequest.of("displayName pr", null, null, null, null, null),
                AttributeSelection.parse("displayName", null, groups.paths()));
        assertEquals(1, listed.items().size());
        assertFalse(listed.items().get(0).has("members"));
        assertTrue(counter.rowsRead() <= 4, "rows read: " + counter.rowsRead());
        assertFalse(counter.statements() > FEW);
    }
}
