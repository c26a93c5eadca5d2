package io.scimgate.server.scim.patch;

import static io.scimgate.server.scim.json.JsonFields.field;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.quirk.CapitalisedPatchOps;
import io.scimgate.server.scim.quirk.PathsAsPathlessKeys;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.ReadOnlyKeysInPathlessValues;
import io.scimgate.server.scim.schema.SchemaPath;
import io.scimgate.server.scim.schema.SchemaPaths;
import io.scimgate.server.scim.schema.UnknownPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.directory.scim.spec.patch.PatchOperation;

/**
 * Reads a PatchOp request body (RFC 7644 §3.5.2) into operations on resolved paths, with the
 * directory's quirks: {@code op} in capitals ({@link CapitalisedPatchOps}), path-less values whose
 * keys are paths ({@link PathsAsPathlessKeys}) and that carry read-only keys
 * ({@link ReadOnlyKeysInPathlessValues}). A path-less value becomes one operation per attribute; a
 * whole extension object, one per attribute of it. Values are normalised as resource bodies are
 * ({@link ResourceNormalizer}). A path naming nothing is {@code invalidPath}, a read-only one
 * {@code mutability}. At most {@link #MAX_OPERATIONS} operations per request, announced in
 * {@code /ServiceProviderConfig}: beyond that, 413 before anything is read or locked.
 */
public final class PatchNormalizer {

    public static final int MAX_OPERATIONS = 1000;

    private final SchemaPaths paths;
    private final ResourceNormalizer values;

    public PatchNormalizer(ResourceNormalizer values) {
        this.values = values;
        this.paths = values.paths();
    }

    /** The Operations of a PatchOp body, checked for shape and count only: cheap, before any lock is taken. */
    public static JsonNode operations(JsonNode body) {
        JsonNode operations = body == null ? null : field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimProblem.invalidValue("A PATCH request needs at least one operation in Operations");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new ScimProblem(413, null, "A PATCH request has at most " + MAX_OPERATIONS
                    + " operations (patch.maxOperations in /ServiceProviderConfig); this one has " + operations.size());
        }
        return operations;
    }

    /**
     * The operations of a PatchOp body, normalised, in order.
     *
     * @param presentUrns URNs of the extensions the resource holds, for paths into extensions the server does not define
     */
    public List<PatchOp> normalize(JsonNode body, Quirks quirks, Collection<String> presentUrns) {
        List<PatchOp> normalized = new ArrayList<>();
        for (JsonNode operation : operations(body)) {
            if (!operation.isObject()) {
                throw ScimProblem.invalidSyntax("Each PATCH operation is an object with op, path and value");
            }
            PatchOperation.Type type = type(field(operation, "op"), quirks);
            JsonNode path = field(operation, "path");
            JsonNode value = field(operation, "value");
            if (path == null || path.isNull() || (path.isTextual() && path.asText().isBlank())) {
                pathless(type, value, quirks, presentUrns, normalized);
            } else if (!path.isTextual()) {
                throw ScimProblem.invalidPath("path must be a string");
            } else {
                withPath(type, resolve(path.asText(), presentUrns), value, quirks, normalized);
            }
        }
        return normalized;
    }

    private static PatchOperation.Type type(JsonNode op, Quirks quirks) {
        if (op != null && op.isTextual()) {
            String name = op.asText().strip();
            if (quirks.has(CapitalisedPatchOps.class)) {
                name = name.toLowerCase(Locale.ROOT);
            }
            switch (name) {
                case "add":
                    return PatchOperation.Type.ADD;
                case "replace":
                    return PatchOperation.Type.REPLACE;
                case "remove":
                    return PatchOperation.Type.REMOVE;
                default:
                    break;
            }
        }
        throw ScimProblem.invalidSyntax("Each PATCH operation needs op: add, replace or remove");
    }

    private SchemaPath resolve(String text, Collection<String> presentUrns) {
        try {
            return paths.resolve(text, presentUrns);
        } catch (UnknownPath e) {
            throw ScimProblem.invalidPath(e.getMessage());
        }
    }

    private void pathless(PatchOperation.Type type, JsonNode value, Quirks quirks, Collection<String> presentUrns,
            List<PatchOp> out) {
        if (type == PatchOperation.Type.REMOVE) {
            throw new ScimProblem(400, "noTarget", "A remove operation needs a path");
        }
        if (value == null || !value.isObject()) {
            throw ScimProblem.invalidValue("An " + type.name().toLowerCase(Locale.ROOT)
                    + " operation without path needs an object value");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String key = entry.getKey();
            JsonNode item = entry.getValue();
            if (item == null || item.isNull() || key.equalsIgnoreCase("schemas")) {
                continue;
            }
            List<String> context = new ArrayList<>(presentUrns);
            if (item.isObject() && key.regionMatches(true, 0, "urn:", 0, 4)) {
                context.add(key);
            }
            SchemaPath path = resolve(key, context);
            boolean keyIsPath = !path.wholeSchema() && (path.hasSubAttribute() || path.filter() != null
                    || key.regionMatches(true, 0, "urn:", 0, 4));
            if (keyIsPath && !quirks.has(PathsAsPathlessKeys.class)) {
                throw ScimProblem.invalidPath("'" + key + "' is a path; a path-less value holds attribute names");
            }
            if (path.readOnly()) {
                if (quirks.has(ReadOnlyKeysInPathlessValues.class)) {
                    continue;
                }
                throw ScimProblem.mutability("'" + path.name() + "' is read-only");
            }
            if (path.wholeSchema()) {
                wholeSchema(type, path, item, quirks, context, out);
            } else {
                withPath(type, path, item, quirks, out);
            }
        }
    }

    /** A path-less value's extension object (or core attributes nested under the core URN): one operation per attribute. */
    private void wholeSchema(PatchOperation.Type type, SchemaPath schema, JsonNode value, Quirks quirks,
            Collection<String> presentUrns, List<PatchOp> out) {
        if (value == null || !value.isObject()) {
            throw ScimProblem.invalidValue("'" + schema.urn() + "' takes an object of that schema's attributes");
        }
        for (Map.Entry<String, JsonNode> attribute : value.properties()) {
            if (attribute.getValue() == null || attribute.getValue().isNull()) {
                continue;
            }
            SchemaPath path = resolve(schema.urn() + ":" + attribute.getKey(), presentUrns);
            if (path.readOnly()) {
                if (quirks.has(ReadOnlyKeysInPathlessValues.class)) {
                    continue;
                }
                throw ScimProblem.mutability("'" + path.name() + "' is read-only");
            }
            withPath(type, path, attribute.getValue(), quirks, out);
        }
    }

    private void withPath(PatchOperation.Type type, SchemaPath path, JsonNode value, Quirks quirks, List<PatchOp> out) {
        if (path.wholeSchema()) {
            if (type == PatchOperation.Type.REMOVE) {
                out.add(new PatchOp(type, path, null));
                return;
            }
            wholeSchema(type, path, value, quirks, List.of(path.urn()), out);
            return;
        }
        if (path.readOnly()) {
            throw ScimProblem.mutability("'" + path.name() + "' is read-only");
        }
        if (type == PatchOperation.Type.REMOVE) {
            out.add(new PatchOp(type, path, value == null || value.isNull() ? null : values.value(value, path, quirks)));
            return;
        }
        if (value == null || value.isNull()) {
            throw ScimProblem.invalidValue("The " + type.name().toLowerCase(Locale.ROOT) + " of '" + path.text()
                    + "' needs a value");
        }
        JsonNode normalized = values.value(value, path, quirks);
        if (normalized != null) {
            out.add(new PatchOp(type, path, normalized));
        }
    }
}
