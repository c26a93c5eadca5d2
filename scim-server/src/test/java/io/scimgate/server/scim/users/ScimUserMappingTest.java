package io.scimgate.server.scim.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.scim.json.ScimJson;
import java.time.Instant;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;

class ScimUserMappingTest {

    private final ScimUserMapping mapping = new ScimUserMapping(scimJson());

    /** The SCIM JSON mapper as the server builds it. */
    private static ObjectMapper scimJson() {
        SchemaRegistry schemas = new SchemaRegistry();
        schemas.addSchema(ScimUser.class, ScimUserRepository.EXTENSIONS);
        return ScimJson.objectMapper(schemas);
    }

    private static DirectoryUser stored(boolean active) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new DirectoryUser("u-1", "d-1", 1, "ana@x.example", null, active, null, null, null, null, null, null, null,
                "{}", 3, now, now);
    }

    @Test
    void aRetriedReplaceComputesActiveFromThePreviousUserOfThatAttempt() {
        ScimUser put = new ScimUser();
        put.setUserName("ana@x.example");
        put.setActive(null);
        put.setId("u-1");
        put.setPassword("secret");

        DirectoryUserData firstAttempt = mapping.toData(put, stored(false));
        DirectoryUserData retry = mapping.toData(put, stored(true));

        assertFalse(firstAttempt.active());
        assertTrue(retry.active(), "a PUT without active keeps the state the retried transaction reads");
        assertNull(put.getActive(), "the request's resource is left as sent");
        assertEquals("u-1", put.getId());
        assertEquals("secret", put.getPassword());
        assertFalse(retry.attributes().contains("secret"), "passwords are never stored");
    }

}
