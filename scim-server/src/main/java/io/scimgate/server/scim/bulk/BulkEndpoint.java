package io.scimgate.server.scim.bulk;

import static io.scimgate.server.scim.json.JsonFields.field;
import static io.scimgate.server.scim.json.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.http.RequestBudget;
import io.scimgate.server.scim.IfMatch;
import io.scimgate.server.scim.ScimExceptionMappers;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.ScimResources;
import io.scimgate.server.scim.endpoint.RawRequests;
import io.scimgate.server.scim.endpoint.ResourceRepository;
import io.scimgate.server.scim.endpoint.Stored;
import io.scimgate.server.scim.projection.AttributeSelection;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.protocol.data.BulkRequest;
import org.apache.directory.scim.server.rest.BulkResourceImpl;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * SCIMple's {@code POST /Bulk} (RFC 7644 §3.7), served here: SCIMple M1 neither enforces limits nor
 * goes through our PATCH normalisation. Each operation is its own transaction of the provisioning
 * core, so one failure leaves the others as they are; {@code failOnErrors} stops after that many
 * failures. An operation that refers to a {@code bulkId} created later in the same request waits
 * until it exists; references that never resolve (unknown ids, cycles) fail with 409. More than
 * {@link BulkLimits#MAX_OPERATIONS} operations or {@link BulkLimits#MAX_PAYLOAD_BYTES} bytes: 413.
 * Each operation has the time budget of a request of its own.
 */
public class BulkEndpoint extends BulkResourceImpl {

    static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    private final ObjectMapper json;
    private final Map<String, ResourceRepository<? extends ScimResource>> repositories = new LinkedHashMap<>();

    @Inject
    public BulkEndpoint(SchemaRegistry schemas, RepositoryRegistry registry, ScimResources resources) {
        super(schemas, registry);
        this.json = resources.json();
        resources.all().forEach(repository -> repositories.put(repository.endpoint().toLowerCase(Locale.ROOT), repository));
    }

    @Override
    public Response doBulk(BulkRequest bulk, UriInfo uriInfo) {
        JsonNode request = RawRequests.body(bulk);
        JsonNode operations = request == null ? null : field(request, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimProblem.invalidSyntax("A BulkRequest needs Operations, a list of operations");
        }
        if (operations.size() > BulkLimits.MAX_OPERATIONS) {
            throw new ScimProblem(413, null, "A bulk request has at most " + BulkLimits.MAX_OPERATIONS
                    + " operations (maxOperations); this one has " + operations.size());
        }
        JsonNode failOnErrors = field(request, "failOnErrors");
        int allowedErrors = failOnErrors != null && failOnErrors.canConvertToInt() && failOnErrors.asInt() > 0
                ? failOnErrors.asInt() : Integer.MAX_VALUE;

        List<JsonNode> pending = new ArrayList<>();
        operations.forEach(pending::add);
        Map<JsonNode, ObjectNode> results = new IdentityHashMap<>();
        BulkIds ids = new BulkIds();
        int errors = 0;
        boolean progress = true;
        while (!pending.isEmpty() && progress && errors < allowedErrors) {
            progress = false;
            List<JsonNode> waiting = new ArrayList<>();
            for (JsonNode operation : pending) {
                if (errors >= allowedErrors) {
                    break;
                }
                if (waitsFor(operation, pending, ids)) {
                    waiting.add(operation);
                    continue;
                }
                ObjectNode result = execute(operation, ids);
                results.put(operation, result);
                progress = true;
                if (Integer.parseInt(result.get("status").asText()) >= 400) {
                    errors++;
                }
            }
            pending = waiting;
        }
        if (errors < allowedErrors) {
            for (JsonNode operation : pending) {
                results.put(operation, failure(operation, new ScimProblem(409, null,
                        "bulkId references that cannot be resolved: " + unresolved(operation, ids))));
            }
        }
        ObjectNode response = json.createObjectNode();
        response.putArray("schemas").add(RESPONSE_SCHEMA);
        ArrayNode answered = response.putArray("Operations");
        operations.forEach(operation -> {
            if (results.containsKey(operation)) {
                answered.add(results.get(operation));
            }
        });
        return Response.ok(response).build();
    }

    /** Whether {@code operation} refers to a bulkId that another operation still to run will create. */
    private boolean waitsFor(JsonNode operation, List<JsonNode> pending, BulkIds ids) {
        for (String reference : references(operation)) {
            if (!ids.isCreated(reference) && pending.stream().anyMatch(other -> other != operation
                    && reference.equals(text(other, "bulkId")))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> references(JsonNode operation) {
        Set<String> references = BulkIds.references(field(operation, "data"));
        references.addAll(BulkIds.references(text(operation, "path")));
        return references;
    }

    private String unresolved(JsonNode operation, BulkIds ids) {
        return references(operation).stream().filter(reference -> !ids.isCreated(reference)).toList().toString();
    }

    private ObjectNode execute(JsonNode operation, BulkIds ids) {
        RequestBudget.renew();
        try {
            String unresolved = unresolved(operation, ids);
            if (!unresolved.equals("[]")) {
                throw new ScimProblem(409, null, "bulkId references that cannot be resolved: " + unresolved);
            }
            String method = text(operation, "method");
            String path = text(operation, "path");
            if (method == null || path == null) {
                throw ScimProblem.invalidSyntax("Each bulk operation needs method and path");
            }
            String[] parts = ids.resolve(path).replaceFirst("^/", "").split("/");
            ResourceRepository<? extends ScimResource> repository = repositories.get(parts[0].toLowerCase(Locale.ROOT));
            if (repository == null || parts.length > 2) {
                throw ScimProblem.invalidPath("Bulk operations address /Users or /Groups, not " + path);
            }
            String id = parts.length == 2 ? parts[1] : null;
            Long version = IfMatch.parse(text(operation, "version")).expectedVersion();
            JsonNode data = ids.resolve(field(operation, "data"));
            ObjectNode result = json.createObjectNode().put("method", method.toUpperCase(Locale.ROOT));
            String bulkId = text(operation, "bulkId");
            if (bulkId != null) {
                result.put("bulkId", bulkId);
            }
            switch (method.toUpperCase(Locale.ROOT)) {
                case "POST" -> {
                    if (id != null || bulkId == null) {
                        throw ScimProblem.invalidValue("A bulk POST goes to /" + repository.endpoint() + " and needs a bulkId");
                    }
                    Stored created = repository.create(requireData(data), AttributeSelection.DEFAULT);
                    ids.created(bulkId, created.resource().get("id").asText());
                    return success(result, "201", created);
                }
                case "PUT" -> {
                    return success(result, "200",
                            repository.replace(requireId(id), version, requireData(data), AttributeSelection.DEFAULT));
                }
                case "PATCH" -> {
                    Stored patched = repository.patch(requireId(id), version, requireData(data), AttributeSelection.DEFAULT);
                    return success(result, patched.resource() == null ? "204" : "200", patched);
                }
                case "DELETE" -> {
                    repository.delete(requireId(id), version);
                    return result.put("status", "204");
                }
                default -> throw ScimProblem.invalidValue("Bulk method " + method + " is not POST, PUT, PATCH or DELETE");
            }
        } catch (RuntimeException e) {
            return failure(operation, e);
        }
    }

    private static ObjectNode success(ObjectNode result, String status, Stored stored) {
        return result.put("location", stored.location()).put("version", IfMatch.etagOf(stored.version())).put("status", status);
    }

    private ObjectNode failure(JsonNode operation, Throwable e) {
        Response error = ScimExceptionMappers.responseFor(e);
        ObjectNode result = json.createObjectNode();
        String method = text(operation, "method");
        if (method != null) {
            result.put("method", method.toUpperCase(Locale.ROOT));
        }
        String bulkId = text(operation, "bulkId");
        if (bulkId != null) {
            result.put("bulkId", bulkId);
        }
        result.put("status", Integer.toString(error.getStatus()));
        try {
            result.set("response", json.readTree(String.valueOf(error.getEntity())));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("SCIM error bodies are JSON", unreadable);
        }
        return result;
    }

    private static String requireId(String id) {
        if (id == null) {
            throw ScimProblem.invalidPath("This bulk method needs the resource's id in path");
        }
        return id;
    }

    private static JsonNode requireData(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw ScimProblem.invalidSyntax("This bulk operation needs data, a JSON object");
        }
        return data;
    }

}
