package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /ServiceProviderConfig, /Schemas and /ResourceTypes (RFC 7644 §4), as CyberArk reads them. */
class ScimDiscoveryTest extends ServerTest {

    private JsonNode ok(String path) {
        HttpReply reply = scim.get(path);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/scim+json"), reply.contentType());
        return reply.json();
    }

    @Test
    void serviceProviderConfigTellsTheTruth() {
        JsonNode config = ok("ServiceProviderConfig");
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", config.at("/schemas/0").asText());
        assertTrue(config.at("/patch/supported").asBoolean());
        assertTrue(config.at("/filter/supported").asBoolean());
        assertEquals(100, config.at("/filter/maxResults").asInt());
        assertTrue(config.at("/sort/supported").asBoolean());
        assertTrue(config.at("/etag/supported").asBoolean());
        assertFalse(config.at("/changePassword/supported").asBoolean());
        assertTrue(config.at("/bulk/supported").asBoolean());
        assertEquals(1000, config.at("/bulk/maxOperations").asInt());
        assertEquals(1_048_576, config.at("/bulk/maxPayloadSize").asInt());
        assertTrue(config.at("/pagination/cursor").asBoolean());
        assertTrue(config.at("/pagination/index").asBoolean());
        assertEquals("index", config.at("/pagination/defaultPaginationMethod").asText());
        assertEquals(100, config.at("/pagination/maxPageSize").asInt());
        JsonNode scheme = config.at("/authenticationSchemes/0");
        assertEquals("oauthbearertoken", scheme.get("type").asText());
        assertFalse(scheme.get("description").asText().isBlank());
        assertEquals(directory.scimBaseUrl() + "/ServiceProviderConfig", config.at("/meta/location").asText());
    }

    @Test
    void schemasListAndReadByUrnIgnoringCase() {
        JsonNode list = ok("Schemas");
        assertEquals(4, list.get("totalResults").asInt(), "User, enterprise User, Group, Role");
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(schema -> ids.add(schema.get("id").asText()));
        assertTrue(ids.contains("urn:ietf:params:scim:schemas:core:2.0:User"));
        assertTrue(ids.contains("urn:ietf:params:scim:schemas:core:2.0:Group"));
        assertTrue(ids.contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
        JsonNode user = ok("Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        assertEquals("User", user.get("name").asText());
        assertEquals(directory.scimBaseUrl() + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
                user.at("/meta/location").asText());
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:Group",
                ok("Schemas/URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:GROUP").get("id").asText());
        assertScimError(scim.get("Schemas/urn:nothing"), 404, null);
    }

    @Test
    void resourceTypesListAndReadByName() {
        JsonNode list = ok("ResourceTypes");
        assertEquals(3, list.get("totalResults").asInt(), "User, Group, Role");
        JsonNode user = ok("ResourceTypes/User");
        assertEquals("/Users", user.get("endpoint").asText());
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:User", user.get("schema").asText());
        assertEquals("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                user.at("/schemaExtensions/0/schema").asText());
        assertEquals(directory.scimBaseUrl() + "/ResourceTypes/User", user.at("/meta/location").asText());
        assertEquals("/Groups", ok("ResourceTypes/Group").get("endpoint").asText());
        assertScimError(scim.get("ResourceTypes/Device"), 404, null);
    }

    @ParameterizedTest(name = "{0} {1} → 405")
    @CsvSource({"POST,ServiceProviderConfig", "PUT,ServiceProviderConfig", "DELETE,ServiceProviderConfig",
            "POST,Schemas", "PUT,Schemas/urn:ietf:params:scim:schemas:core:2.0:User", "PATCH,ResourceTypes/User",
            "POST,ResourceTypes", "DELETE,ResourceTypes/User"})
    void writesAreNotAllowed(String method, String path) {
        assertScimError(scim.send(method, path, method.equals("DELETE") ? null : "{}", java.util.Map.of()), 405, null);
    }

    @Test
    void aFilterOnDiscoveryIsForbidden() {
        assertScimError(scim.get("Schemas?filter=id%20pr"), 403, null);
    }

    @Test
    void concurrentDirectoriesEachSeeTheirOwnLocations() throws Exception {
        Http other = server.newDirectory("generic").scim();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Http client = i % 2 == 0 ? scim : other;
                checks.add(pool.submit(() -> {
                    JsonNode schemas = client.get("Schemas").json();
                    JsonNode types = client.get("ResourceTypes/User").json();
                    return schemas.at("/Resources/0/meta/location").asText().startsWith(client.baseUrl())
                            && types.at("/meta/location").asText().startsWith(client.baseUrl());
                }));
            }
            for (Future<Boolean> check : checks) {
                assertTrue(check.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
