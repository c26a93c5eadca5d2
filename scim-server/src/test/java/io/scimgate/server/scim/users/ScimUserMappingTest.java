package io.scimgate.server.scim.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.json.ScimJson;
import java.time.Instant;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import io.scimgate.server.scim.schema.ScimSchemas;
import org.junit.jupiter.api.Test;

class ScimUserMappingTest {

    private static final SchemaRegistry SCHEMAS = ScimSchemas.registry();
    private final ScimUserMapping mapping = new ScimUserMapping(ScimJson.objectMapper(SCHEMAS),
            new ResourceNormalizer(ScimSchemas.users(SCHEMAS)));

    private static DirectoryUser stored(boolean active) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new DirectoryUser("u-1", "d-1", 1, "ana@x.example", null, active, null, null, null, null, null, null, null,
                "{}", null, 0, java.util.List.of(), 3, now, now);
    }

    @Test
    void aRetriedReplaceComputesActiveFromThePreviousUserOfThatAttempt() {
        ObjectNode put = JsonNodeFactory.instance.objectNode()
                .put("userName", "ana@x.example").put("id", "u-1").put("password", "secret");

        DirectoryUserData firstAttempt = mapping.toData(put, stored(false));
        DirectoryUserData retry = mapping.toData(put, stored(true));

        assertFalse(firstAttempt.active());
        assertTrue(retry.active(), "a PUT without active keeps the state the retried transaction reads");
        assertFalse(put.has("active"), "the request's document is left as sent");
        assertEquals("u-1", put.get("id").asText());
        assertEquals("secret", put.get("password").asText());
        assertFalse(retry.attributes().contains("secret"), "passwords are never stored");
    }

}
