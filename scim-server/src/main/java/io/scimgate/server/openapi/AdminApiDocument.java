package io.scimgate.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * The admin API's OpenAPI 3.1 document: routes, parameters and bodies generated from the JAX-RS
 * resources (so they cannot drift from the code), with what reflection cannot see kept beside them
 * in {@code admin-api-notes.json}: each route's summary, its answer when the method returns a bare
 * {@code Response}, the errors it documents, query parameters read by hand, and a request example.
 * A route without notes, or notes of no route, make the strict build fail naming them
 * ({@code AdminApiDocumentTest} builds strictly); the server serves what it can and logs the gaps.
 */
public final class AdminApiDocument {

    public static final String NOTES = "admin-api-notes.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR_REF = "#/components/schemas/Error";

    private AdminApiDocument() {
    }

    /** The document; every problem named in the exception. */
    public static ObjectNode build(List<AdminRoute> routes) {
        return build(routes, readNotes());
    }

    /** The document, with a route that has no notes listed by its route alone, and the gaps logged. */
    public static ObjectNode buildLeniently(List<AdminRoute> routes) {
        ObjectNode notes = readNotes();
        try {
            return build(routes, notes);
        } catch (IllegalStateException e) {
            LoggerFactory.getLogger(AdminApiDocument.class).warn("{}", e.getMessage());
            ObjectNode routeNotes = (ObjectNode) notes.get("routes");
            Set<String> served = new TreeSet<>();
            for (AdminRoute route : routes) {
                served.add(route.key());
                if (!routeNotes.has(route.key())) {
                    routeNotes.putObject(route.key()).put("summary", "Not documented yet").put("status", 200)
                            .put("response", "com.fasterxml.jackson.databind.JsonNode");
                }
            }
            routeNotes.retain(served);
            return build(routes, notes);
        }
    }

    static ObjectNode readNotes() {
        try (InputStream in = AdminApiDocument.class.getResourceAsStream(NOTES)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode build(List<AdminRoute> routes, ObjectNode notes) {
        ObjectNode routeNotes = (ObjectNode) notes.get("routes");
        List<String> problems = new ArrayList<>();
        Set<String> unused = new TreeSet<>();
        routeNotes.fieldNames().forEachRemaining(unused::add);
        JsonSchemas schemas = new JsonSchemas();
        ObjectNode paths = JSON.createObjectNode();
        for (AdminRoute route : routes) {
            JsonNode note = routeNotes.get(route.key());
            unused.remove(route.key());
            if (note == null || !note.hasNonNull("summary")) {
                problems.add(route.key() + ": no notes with a summary in " + NOTES);
                continue;
            }
            try {
                ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
                path.set(route.method().toLowerCase(java.util.Locale.ROOT), operation(route, note, schemas));
            } catch (RuntimeException e) {
                problems.add(route.key() + ": " + e.getMessage());
            }
        }
        unused.forEach(key -> problems.add(key + ": in " + NOTES + " but no JAX-RS resource serves it"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The admin API's OpenAPI document is incomplete:\n  " + String.join("\n  ", problems));
        }
        ObjectNode document = JSON.createObjectNode().put("openapi", "3.1.0");
        document.set("info", notes.get("info"));
        document.putArray("servers").addObject().put("url", "/admin/v1")
                .put("description", "the admin API of this scimgate");
        document.putArray("security").addObject().putArray("adminToken");
        document.set("paths", paths);
        ObjectNode components = document.putObject("components");
        ObjectNode schemaComponents = schemas.components();
        schemaComponents.set("Error", notes.get("errorSchema"));
        components.set("schemas", schemaComponents);
        components.putObject("securitySchemes").putObject("adminToken").put("type", "http").put("scheme", "bearer")
                .put("description", "The admin token, printed at the first start (or SCIMGATE_ADMIN_TOKEN)");
        return document;
    }

    private static ObjectNode operation(AdminRoute route, JsonNode note, JsonSchemas schemas) {
        ObjectNode operation = JSON.createObjectNode();
        operation.put("operationId", route.javaMethod().getDeclaringClass().getSimpleName().replace("Resource", "") + "_"
                + route.javaMethod().getName());
        operation.putArray("tags").add(route.javaMethod().getDeclaringClass().getSimpleName().replace("Resource", ""));
        operation.put("summary", note.get("summary").asText());
        if (note.hasNonNull("description")) {
            operation.put("description", note.get("description").asText());
        }
        ArrayNode parameters = operation.putArray("parameters");
        for (AdminRoute.Param param : route.pathParams()) {
            parameters.addObject().put("name", param.name()).put("in", "path").put("required", true)
                    .set("schema", schemas.of(param.type()));
        }
        for (AdminRoute.Param param : route.queryParams()) {
            ObjectNode schema = schemas.of(param.type());
            if (param.defaultValue() != null) {
                schema.set("default", defaultValue(param));
            }
            ObjectNode parameter = parameters.addObject().put("name", param.name()).put("in", "query").put("required", false);
            parameter.set("schema", schema);
            JsonNode described = note.path("parameters").path(param.name());
            if (described.isTextual()) {
                parameter.put("description", described.asText());
            }
        }
        // Query parameters the method reads from UriInfo itself: only the notes know them.
        for (JsonNode param : note.path("query")) {
            ObjectNode parameter = parameters.addObject().put("name", param.get("name").asText()).put("in", "query")
                    .put("required", false).put("description", param.path("description").asText());
            parameter.set("schema", param.get("schema"));
        }
        if (parameters.isEmpty()) {
            operation.remove("parameters");
        }
        route.requestBody().ifPresent(body -> {
            ObjectNode content = operation.putObject("requestBody").put("required", !note.path("bodyOptional").asBoolean())
                    .putObject("content").putObject("application/json");
            ObjectNode schema = schemas.of(body);
            content.set("schema", schema);
            if (note.has("example")) {
                content.set("example", note.get("example"));
            }
        });
        if (note.has("exampleQuery")) {
            operation.put("x-example-query", note.get("exampleQuery").asText());
        }
        if (route.requestBody().isEmpty() && note.has("example")) {
            throw new IllegalStateException("has a request example but takes no body");
        }
        ObjectNode responses = operation.putObject("responses");
        success(route, note, schemas, responses);
        errors(route, note, responses);
        return operation;
    }

    private static JsonNode defaultValue(AdminRoute.Param param) {
        Class<?> type = param.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return JSON.getNodeFactory().numberNode(Long.parseLong(param.defaultValue()));
        }
        return JSON.getNodeFactory().textNode(param.defaultValue());
    }

    private static void success(AdminRoute route, JsonNode note, JsonSchemas schemas, ObjectNode responses) {
        Type returned = route.javaMethod().getGenericReturnType();
        boolean bare = returned == jakarta.ws.rs.core.Response.class || returned == void.class;
        int status = note.path("status").asInt(bare ? -1 : 200);
        if (status < 0) {
            throw new IllegalStateException("returns a Response: its notes need the success \"status\"");
        }
        ObjectNode response = responses.putObject(Integer.toString(status))
                .put("description", note.path("returns").asText(status == 204 ? "done; no body" : "done"));
        Type body = bare ? responseType(note) : returned;
        if (body != null) {
            response.putObject("content").putObject("application/json").set("schema", schemas.of(body));
        } else if (status != 204) {
            throw new IllegalStateException("returns a Response with " + status + ": its notes need the \"response\" type");
        }
        if (note.has("alsoStatus")) {
            responses.set(note.get("alsoStatus").asText(), response.deepCopy().put("description", "done (updated)"));
        }
    }

    private static Type responseType(JsonNode note) {
        if (!note.hasNonNull("response")) {
            return null;
        }
        try {
            return Class.forName(note.get("response").asText());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("its response type " + note.get("response").asText() + " does not exist");
        }
    }

    /** 401 everywhere, 400 where a body or parameter can be wrong, and the errors the notes name. */
    private static void errors(AdminRoute route, JsonNode note, ObjectNode responses) {
        error(responses, "401", "unauthorized: no admin token, or another one");
        if (route.requestBody().isPresent()) {
            error(responses, "400", "invalid_json, unknown_field, body_required, or a value the request cannot have");
        } else if (!route.queryParams().isEmpty() || note.has("query")) {
            error(responses, "400", "invalid_parameter, or a value the request cannot have");
        }
        Iterator<Map.Entry<String, JsonNode>> named = note.path("errors").fields();
        while (named.hasNext()) {
            Map.Entry<String, JsonNode> entry = named.next();
            error(responses, entry.getKey(), entry.getValue().asText());
        }
    }

    private static void error(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.has(status) ? (ObjectNode) responses.get(status) : responses.putObject(status);
        String known = response.path("description").asText("");
        response.put("description", known.isEmpty() ? description : known + "; " + description);
        response.putObject("content").putObject("application/json").putObject("schema").put("$ref", ERROR_REF);
    }
}
