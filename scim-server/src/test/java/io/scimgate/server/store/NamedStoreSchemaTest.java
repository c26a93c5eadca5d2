package io.scimgate.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.CoreInternals;
import io.scimgate.core.store.StoreSchema;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server with {@code SCIMGATE_DB_SCHEMA}: SCIM and the admin API work with every table in that
 * schema (filters, sorting, paging, PATCH and groups render it through jOOQ's schema mapping), the
 * readiness probe finds the migrations there, a restart finds the data, and nothing is created in
 * the connection's own schema.
 */
class NamedStoreSchemaTest {

    private static final String SCHEMA = "scim_store";

    @Test
    void theServerKeepsEveryTableInTheConfiguredSchemaAndWorksThere() throws SQLException {
        try (TestServer server = TestServer.start(Map.of("SCIMGATE_DB_SCHEMA", SCHEMA))) {
            DirectoryAccess directory = server.newDirectory("okta");
            Http scim = directory.scim();
            for (String name : new String[] {"carla", "ana", "bea"}) {
                assertEquals(201, scim.post("Users", ScimJson.user(name + "@acme.com", "ext-" + name)).status());
            }
            JsonNode sorted = ok(scim.get("Users?sortBy=userName&count=2"));
            assertEquals(3, sorted.get("totalResults").asInt());
            assertEquals("ana@acme.com", sorted.at("/Resources/0/userName").asText(), sorted::toString);
            JsonNode found = ok(scim.get("Users?filter=" + URLEncoder.encode("userName sw \"bea\"", StandardCharsets.UTF_8)));
            assertEquals(1, found.get("totalResults").asInt(), found::toString);
            String beaId = found.at("/Resources/0/id").asText();
            assertEquals(200, scim.patch("Users/" + beaId,
                    ScimJson.patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")).status());
            assertEquals(201, scim.post("Groups", ScimJson.group("Admins", beaId)).status());

            assertEquals(200, new Http(server.url() + "/health").get("ready").status(), "the probe finds the migrations in the schema");
            server.restart();
            Http afterRestart = new Http(server.url() + "/scim/v2/" + directory.id()).bearer(directory.token());
            assertEquals(3, ok(afterRestart.get("Users?count=0")).get("totalResults").asInt(), "a restart finds the data");

            try (Connection connection = CoreInternals.database(server.server().core()).dataSource().getConnection()) {
                assertTrue(hasTable(connection, StoreSchema.of(SCHEMA).nameIn(connection), "directory_user"));
                assertTrue(hasTable(connection, StoreSchema.of(SCHEMA).nameIn(connection), "scimgate_schema_history"));
                assertFalse(hasTable(connection, connection.getSchema(), "directory_user"), "nothing in " + connection.getSchema());
            }
        }
    }

    private static boolean hasTable(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static JsonNode ok(HttpReply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
