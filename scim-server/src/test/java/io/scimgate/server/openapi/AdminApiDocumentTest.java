package io.scimgate.server.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.ScimgateHttp;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/v1/openapi.json} against the JAX-RS resources: every route the admin application
 * serves, found by reflection, is documented with its parameters and body, nothing else is, and each
 * request example in the document, sent to the server, is answered as the document says.
 */
class AdminApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private static TestServer server;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        HttpReply reply = server.admin().http().get("openapi.json");
        assertEquals(200, reply.status(), reply::toString);
        document = reply.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The routes of the admin application as the server builds it, by reflection. */
    private static List<AdminRoute> routes() {
        ResourceConfig admin = ScimgateHttp.admin(server.server().core(), ScimgateHttp.Options.defaults());
        List<Class<?>> resources = new ArrayList<>(admin.getClasses());
        admin.getInstances().forEach(instance -> resources.add(instance.getClass()));
        return AdminRoute.of(resources);
    }

    @Test
    void itIsOpenApi31WithTheAdminTokenAndTheErrorShape() {
        assertEquals("3.1.0", document.get("openapi").asText());
        assertEquals("/admin/v1", document.get("servers").get(0).get("url").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/adminToken/scheme").asText());
        assertEquals(Set.of("code", "message"), names(document.at("/components/schemas/Error/properties")));
        assertEquals(401, new Http(server.url() + "/admin/v1").get("openapi.json").status(), "behind the admin token");
    }

    @Test
    void everyRouteIsDocumentedWithItsParametersAndBodyAndNothingElseIs() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        List<AdminRoute> routes = routes();
        assertTrue(routes.size() >= 48, "found the routes: " + routes.size());
        Set<String> served = new TreeSet<>();
        for (AdminRoute route : routes) {
            served.add(route.key());
            JsonNode operation = document.path("paths").path(route.path()).path(route.method().toLowerCase());
            assertFalse(operation.isMissingNode(), route.key() + " is not documented");
            Set<String> pathParams = new HashSet<>();
            Matcher matcher = PATH_PARAM.matcher(route.path());
            while (matcher.find()) {
                pathParams.add(matcher.group(1));
            }
            assertEquals(pathParams, parameters(operation, "path"), route.key() + ": path parameters");
            Set<String> query = new HashSet<>();
            route.queryParams().forEach(param -> query.add(param.name()));
            assertTrue(parameters(operation, "query").containsAll(query), route.key() + ": query parameters " + query);
            assertEquals(route.requestBody().isPresent(), operation.has("requestBody"), route.key() + ": request body");
            // Record bodies are described field by field; lists and free JSON (mappings) by their type.
            route.requestBody().filter(body -> body instanceof Class<?> type && type.isRecord())
                    .ifPresent(body -> assertEquals(components((Class<?>) body),
                    names(resolve(operation.at("/requestBody/content/application~1json/schema")).get("properties")),
                    route.key() + ": the body's fields"));
            assertTrue(operation.at("/responses/401/content/application~1json/schema/$ref").asText().endsWith("/Error"),
                    route.key() + ": the error shape");
            assertTrue(operation.get("summary").asText().length() > 5, route.key() + ": a summary");
        }
        assertEquals(served, documented, "documented routes that no resource serves");
    }

    @Test
    void everyRouteHasNotesSoTheStrictBuildSucceeds() {
        assertEquals(document.toString(), AdminApiDocument.build(routes()).toString(), "served as built strictly");
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertFalse(references.isEmpty());
        for (String reference : references) {
            assertFalse(document.at(reference.substring(1)).isMissingNode(), "unresolved " + reference);
        }
    }

    @Test
    void aRouteWithoutNotesFailsTheDocumentNamingIt() {
        ObjectNode notes = AdminApiDocument.readNotes();
        ((ObjectNode) notes.get("routes")).remove("GET /webhooks/{webhookId}/attempts");
        ((ObjectNode) notes.get("routes")).putObject("GET /no-such-route").put("summary", "nothing serves this");
        IllegalStateException incomplete = assertThrows(IllegalStateException.class, () -> AdminApiDocument.build(routes(), notes));
        assertTrue(incomplete.getMessage().contains("GET /webhooks/{webhookId}/attempts: no notes"), incomplete.getMessage());
        assertTrue(incomplete.getMessage().contains("GET /no-such-route: in admin-api-notes.json but no JAX-RS resource serves it"),
                incomplete.getMessage());
    }

    /** What the examples need: ids of things that exist, and values only the server hands out. */
    private static Map<String, String> fixtures() {
        AdminClient admin = server.admin();
        Map<String, String> values = new HashMap<>();
        String organizationId = admin.createOrganization("Example " + UUID.randomUUID());
        admin.addVerifiedDomain(organizationId, "acme-examples.org");
        admin.defineRoles(organizationId, "admin");
        values.put("organizationId", organizationId);
        values.put("domainId", admin.addDomain(organizationId, "pending-examples.org", "manual"));
        DirectoryAccess directory = admin.createDirectory(organizationId, "Okta", "okta");
        values.put("directoryId", directory.id());
        values.put("googleDirectoryId", admin.createDirectory(organizationId, "Google", "google").id());
        String employee = directory.scim().post("Users", user("ana@acme-examples.org")).json().get("id").asText();
        values.put("directoryUserId", employee);
        directory.scim().post("Users", user("gus@contractor-examples.org"));
        JsonNode memberships = admin.get("organizations/" + organizationId + "/memberships").get("data");
        for (JsonNode membership : memberships) {
            values.put(membership.get("status").asText() + "MembershipId", membership.get("id").asText());
        }
        String invitationId = admin.get("invitations?organizationId=" + organizationId + "&state=pending").get("data").get(0)
                .get("id").asText();
        assertEquals(200, admin.http().post("invitations/" + invitationId + "/revoke", "").status());
        values.put("a-pending-membership-id", values.get("pendingMembershipId"));
        values.put("/etc/scimgate/example-google.json", serviceAccountKeyFile());
        return values;
    }

    /** A service-account key file such as Google's console downloads, with a fresh RSA key. */
    private static String serviceAccountKeyFile() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            ObjectNode key = JSON.createObjectNode().put("type", "service_account").put("project_id", "examples")
                    .put("private_key_id", "k1").put("private_key", pem)
                    .put("client_email", "sync@examples.iam.gserviceaccount.com").put("client_id", "1")
                    .put("token_uri", "http://127.0.0.1:1/token");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("scimgate-example-key", ".json");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, key.toString());
            return file.toString();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String user(String email) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
                + "\",\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]}";
    }

    @Test
    void everyRequestExampleIsAnsweredAsDocumented() {
        Map<String, String> values = fixtures();
        List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().has("requestBody") || operation.getValue().has("x-example-query")) {
                examples.add(Map.entry(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
            }
        }));
        // An invitation is accepted with the token the fresh invitation's answer handed out.
        examples.sort((a, b) -> Boolean.compare(a.getKey().endsWith("/accept"), b.getKey().endsWith("/accept")));
        assertTrue(examples.size() >= 12, "examples: " + examples.size());
        for (Map.Entry<String, JsonNode> example : examples) {
            String method = example.getKey().substring(0, example.getKey().indexOf(' '));
            String template = example.getKey().substring(method.length() + 1);
            JsonNode operation = example.getValue();
            String path = substitute(template, values, template.contains("/google") ? "googleDirectoryId" : null);
            if (operation.has("x-example-query")) {
                path += "?" + operation.get("x-example-query").asText();
            }
            String body = null;
            if (operation.has("requestBody")) {
                JsonNode sample = operation.at("/requestBody/content/application~1json/example");
                assertFalse(sample.isMissingNode(), example.getKey() + " has a body but no example");
                body = sample.toString();
                for (Map.Entry<String, String> value : values.entrySet()) {
                    body = body.replace("\"" + value.getKey() + "\"", "\"" + value.getValue() + "\"");
                }
            }
            HttpReply reply = server.admin().http().send(method, path.substring(1), body, Map.of("Content-Type", "application/json"));
            assertTrue(reply.status() >= 200 && reply.status() < 300, example.getKey() + " example answered " + reply);
            JsonNode documented = operation.path("responses").path(Integer.toString(reply.status()));
            assertFalse(documented.isMissingNode(), example.getKey() + ": status " + reply.status() + " is not documented");
            JsonNode schema = documented.at("/content/application~1json/schema");
            if (!schema.isMissingNode()) {
                conforms(example.getKey(), reply.json(), schema);
            }
            if (reply.status() == 201 && reply.json().has("token") && template.equals("/invitations")) {
                values.put("the-invitation-token", reply.json().get("token").asText());
            }
        }
    }

    /** The answer has only documented fields, and every required one. */
    private static void conforms(String operation, JsonNode answer, JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (answer.isArray() && resolved.has("items")) {
            answer.forEach(element -> conforms(operation, element, resolved.get("items")));
            return;
        }
        if (!resolved.has("properties")) {
            return; // any JSON object, such as an attribute mapping
        }
        Set<String> properties = names(resolved.get("properties"));
        answer.fieldNames().forEachRemaining(field -> assertTrue(properties.contains(field),
                operation + ": '" + field + "' is not documented in " + properties));
        resolved.path("required").forEach(required -> assertTrue(answer.has(required.asText()),
                operation + ": required '" + required.asText() + "' missing"));
    }

    private static String substitute(String template, Map<String, String> values, String directoryKey) {
        Matcher matcher = PATH_PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String key = name.equals("directoryId") && directoryKey != null ? directoryKey
                    : name.equals("membershipId") ? "activeMembershipId" : name;
            assertTrue(values.containsKey(key), "no fixture for " + name);
            matcher.appendReplacement(path, values.get(key));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? document.at(schema.get("$ref").asText().substring(1)) : schema;
    }

    private static Set<String> parameters(JsonNode operation, String in) {
        Set<String> names = new HashSet<>();
        operation.path("parameters").forEach(parameter -> {
            if (parameter.get("in").asText().equals(in)) {
                names.add(parameter.get("name").asText());
            }
        });
        return names;
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(JsonSchemas.jsonName(component));
        }
        return names;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
