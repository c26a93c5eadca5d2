package io.scimgate.core.directory;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.events.Event;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.WrittenTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RULES.md P27: a directory's attribute mapping gives its users custom attributes from their
 * stored SCIM documents (custom extensions stored as another engineer's SCIM code will keep them),
 * on every write and, in batches, for every existing user when the mapping changes.
 */
class AttributeMappingsTest {

    private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** The statement that locks one batch of users to recompute. */
    private static final Pattern LOCKED_USER_BATCH = Pattern.compile("^select .* from \"?directory_user\"? .*for update");
    private final WrittenTables writes = new WrittenTables();
    private TestCore test;
    private String directoryId;

    @BeforeEach
    void start() {
        test = TestCore.start(writes::wrap, builder -> builder);
        String organizationId = test.core().organizations().create("Acme").id();
        directoryId = test.core().directories().create(organizationId, "Okta", DirectoryProvider.OKTA).directory().id();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private AttributeMappings mappings() {
        return test.core().attributeMappings();
    }

    private static Map<String, String> issueMapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("costCenter", CUSTOM + ":costCenter");
        mapping.put("department", ENTERPRISE + ":department");
        mapping.put("jobTitle", "title");
        return mapping;
    }

    /** A user whose stored document carries a custom extension, as Okta and Entra custom mappings send it. */
    private static DirectoryUserData user(String userName, String costCenter) {
        String document = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s","%s"],"userName":"%s","title":"Engineer",
                 "%s":{"department":"R&D"},"%s":{"costCenter":"%s"}}""".formatted(ENTERPRISE, CUSTOM, userName, ENTERPRISE,
                CUSTOM, costCenter);
        return new DirectoryUserData(userName, null, true, null, null, null, List.of(), "Engineer", null, "R&D", document);
    }

    private JsonNode customAttributes(String userId) {
        return test.core().directoryDetails().user(directoryId, userId).customAttributes();
    }

    private List<Event> events(String type) {
        List<Event> found = new ArrayList<>();
        long after = 0;
        List<Event> page;
        while (!(page = test.core().events().list(after, 100, Set.of(), null)).isEmpty()) {
            page.stream().filter(event -> event.event().equals(type)).forEach(found::add);
            after = page.get(page.size() - 1).id();
        }
        return found;
    }

    @Test
    void P27_mappedValuesAppearOnTheUserAndInItsEventsWhenItIsWritten() {
        mappings().replace(directoryId, issueMapping());
        DirectoryUser ana = test.core().directoryUsers().create(directoryId, user("ana", "CC1"));
        assertEquals("{\"costCenter\":\"CC1\",\"department\":\"R&D\",\"jobTitle\":\"Engineer\"}", customAttributes(ana.id()).toString());
        assertEquals("CC1", events("dsync.user.created").get(0).data().at("/customAttributes/costCenter").asText());

        test.core().directoryUsers().update(directoryId, ana.id(), null, current -> user("ana", "CC2"));
        assertEquals("CC2", customAttributes(ana.id()).get("costCenter").asText());
        Event updated = events("dsync.user.updated").get(0);
        assertEquals("CC2", updated.data().at("/customAttributes/costCenter").asText());
        assertEquals("CC1", updated.data().at("/previousAttributes/customAttributes/costCenter").asText());
    }

    @Test
    void P27_aNewMappingIsAppliedToEveryExistingUserInBatchesWithAnEventForEachChange() {
        int users = 2 * AttributeMappings.BATCH + 1;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(test.core().directoryUsers().create(directoryId, user("user" + i, "CC" + i)).id());
        }
        writes.reset();
        mappings().replace(directoryId, issueMapping());

        assertEquals(3, writes.statementsMatching(LOCKED_USER_BATCH), "users are locked and written 500 at a time");
        assertEquals("CC0", customAttributes(ids.get(0)).get("costCenter").asText());
        assertEquals("CC" + (users - 1), customAttributes(ids.get(users - 1)).get("costCenter").asText());
        assertEquals(users, events("dsync.user.updated").size());

        writes.reset();
        mappings().replace(directoryId, issueMapping());
        assertEquals(0, writes.statementsMatching(LOCKED_USER_BATCH), "the same mapping again changes nothing");
        assertFalse(writes.tables().contains("directory_user") || writes.tables().contains("directory"),
                writes.tables()::toString);
        assertEquals(users, events("dsync.user.updated").size());

        Map<String, String> renamed = new LinkedHashMap<>(issueMapping());
        renamed.put("jobTitle", "urn:ietf:params:scim:schemas:core:2.0:User:title");
        mappings().replace(directoryId, renamed);
        assertEquals(users, events("dsync.user.updated").size(), "a new path to the same values changes no user");
    }

    @Test
    void P27_readsShowTheCurrentMappingsValuesEvenBeforeAUserIsRecomputed() {
        DirectoryUser ana = test.core().directoryUsers().create(directoryId, user("ana", "CC1"));
        mappings().replace(directoryId, Map.of("jobTitle", "title"));
        // As if the server stopped after committing a new mapping and before recomputing its users.
        CoreInternals.database(test.core()).dsl().update(DIRECTORY)
                .set(DIRECTORY.ATTRIBUTE_MAPPING, "{\"cost\":\"" + CUSTOM + ".costCenter\"}")
                .set(DIRECTORY.ATTRIBUTE_MAPPING_VERSION, DIRECTORY.ATTRIBUTE_MAPPING_VERSION.plus(1))
                .execute();
        assertEquals("{\"cost\":\"CC1\"}", customAttributes(ana.id()).toString());
        assertEquals(1, mappings().recompute(directoryId));
        assertEquals("{\"cost\":\"CC1\"}", customAttributes(ana.id()).toString());
    }

    @Test
    void P27_aMappingThatCannotBeAppliedIsRefusedAndChangesNothing() {
        mappings().replace(directoryId, issueMapping());
        Map<String, String> bad = new LinkedHashMap<>(issueMapping());
        bad.put("broken", "emails[type eq \"work\"].value");
        assertEquals(ErrorCode.INVALID_ATTRIBUTE_PATH,
                assertThrows(ScimgateException.class, () -> mappings().replace(directoryId, bad)).code());
        assertEquals(issueMapping(), mappings().get(directoryId).asMap());
        assertEquals(ErrorCode.DIRECTORY_NOT_FOUND,
                assertThrows(ScimgateException.class, () -> mappings().replace("nope", issueMapping())).code());
        assertEquals(ErrorCode.DIRECTORY_NOT_FOUND, assertThrows(ScimgateException.class, () -> mappings().get("nope")).code());
    }
}
