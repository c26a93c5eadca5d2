package io.scimgate.server.scim.patch;

import static io.scimgate.server.scim.json.JsonFields.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.json.ResourceNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.schema.ResourceType;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * Brings a PATCH request as IdPs send it into operations SCIMple's PatchHandler applies correctly
 * (IDP-QUIRKS.md §10.1, §10.2, §10.3, §10.4, §10.6 and §10.8): {@code op} in any case; a path-less value split into one
 * operation per key, whether plain ({@code active}), dotted ({@code name.givenName}) or a URN
 * ({@code urn:…:User:employeeNumber}, or a whole extension object), with read-only keys such as
 * {@code id}, {@code meta} and {@code schemas} skipped; attribute names and URNs in any case, an
 * extension attribute without its URN ({@code manager}); values coerced to the schema's types and
 * shapes ({@code "False"}, a bare id for {@code manager}); a complex value merged sub-attribute by
 * sub-attribute; {@code replace} of a single value read as {@code add}, which SCIMple also applies
 * when nothing is set yet. A path naming no attribute is {@code invalidPath}; a path naming a
 * read-only attribute is {@code mutability}.
 */
public final class PatchNormalizer {

    private static final Set<String> SKIPPED_KEYS = Set.of("schemas", "meta", "id");
    private static final Set<String> LEGACY_CORE_URNS = Set.of("urn:scim:schemas:core:1.0", "urn:scim:schemas:core:2.0");

    private final String resourceName;
    private final Schema base;
    private final Map<String, Schema> extensions = new LinkedHashMap<>();
    private final ResourceNormalizer values;

    public PatchNormalizer(SchemaRegistry registry, String resourceTypeName) {
        ResourceType type = registry.getResourceType(resourceTypeName);
        this.resourceName = resourceTypeName;
        this.base = registry.getSchema(type.getSchemaUrn());
        if (type.getSchemaExtensions() != null) {
            type.getSchemaExtensions().forEach(extension -> {
                Schema schema = registry.getSchema(extension.getSchemaUrn());
                extensions.put(schema.getId().toLowerCase(Locale.ROOT), schema);
            });
        }
        this.values = new ResourceNormalizer(registry);
    }

    /** The operations of a PatchOp request body, normalised, in order. */
    public List<PatchOp> normalize(JsonNode body) {
        JsonNode operations = body == null ? null : field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimProblem.invalidValue("A PATCH request needs at least one operation in Operations");
        }
        List<PatchOp> normalized = new ArrayList<>();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw ScimProblem.invalidSyntax("Each PATCH operation is an object with op, path and value");
            }
            PatchOperation.Type type = type(field(operation, "op"));
            JsonNode path = field(operation, "path");
            JsonNode value = field(operation, "value");
            if (path == null || path.isNull() || (path.isTextual() && path.asText().isBlank())) {
                pathless(type, value, normalized);
            } else if (!path.isTextual()) {
                throw ScimProblem.invalidPath("path must be a string");
            } else {
                withPath(type, path.asText().strip(), value, false, normalized);
            }
        }
        return normalized;
    }

    private static PatchOperation.Type type(JsonNode op) {
        if (op != null && op.isTextual()) {
            switch (op.asText().strip().toLowerCase(Locale.ROOT)) {
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

    private void pathless(PatchOperation.Type type, JsonNode value, List<PatchOp> out) {
        if (type == PatchOperation.Type.REMOVE) {
            throw new ScimProblem(400, "noTarget", "A remove operation needs a path");
        }
        if (value == null || !value.isObject()) {
            throw ScimProblem.invalidValue("An " + type.name().toLowerCase(Locale.ROOT)
                    + " operation without path needs an object value");
        }
        value.properties().forEach(entry -> {
            String key = entry.getKey();
            JsonNode item = entry.getValue();
            if (item == null || item.isNull() || SKIPPED_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                return;
            }
            Schema extension = extension(key);
            if (extension != null && item.isObject()) {
                item.properties().forEach(sub -> {
                    if (sub.getValue() != null && !sub.getValue().isNull()) {
                        withPath(type, extension.getId() + ":" + sub.getKey(), sub.getValue(), true, out);
                    }
                });
            } else {
                withPath(type, key, item, true, out);
            }
        });
    }

    private void withPath(PatchOperation.Type type, String text, JsonNode value, boolean pathless, List<PatchOp> out) {
        ValuePathExpression path = parse(text);
        AttributeReference reference = path.getAttributePath();
        Schema schema = schemaOf(reference, text);
        Attribute attribute = schema.getAttribute(reference.getAttributeName());
        if (attribute == null && reference.getUrn() == null) {
            for (Schema extension : extensions.values()) {
                if (extension.getAttribute(reference.getAttributeName()) != null) {
                    schema = extension;
                    attribute = extension.getAttribute(reference.getAttributeName());
                    break;
                }
            }
        }
        if (attribute == null) {
            throw ScimProblem.invalidPath("'" + text + "' is not an attribute of a " + resourceName);
        }
        Attribute sub = null;
        if (reference.getSubAttributeName() != null) {
            sub = attribute.getAttribute(reference.getSubAttributeName());
            if (sub == null) {
                throw ScimProblem.invalidPath("'" + text + "' is not an attribute of a " + resourceName);
            }
        }
        if (readOnly(attribute) || readOnly(sub)) {
            if (pathless) {
                return;
            }
            throw ScimProblem.mutability("'" + (sub == null ? attribute.getName() : attribute.getName() + "." + sub.getName())
                    + "' is read-only");
        }
        FilterExpression filter = path.getAttributeExpression();
        if (filter != null) {
            if (!attribute.isMultiValued()) {
                throw ScimProblem.invalidPath("'" + text + "' filters " + attribute.getName() + ", which has a single value");
            }
            canonicalizeFilter(filter, attribute, text);
        }
        boolean isExtension = schema != base;
        PatchOp op = new PatchOp(type, schema, isExtension, attribute, sub, filter, null);
        if (type == PatchOperation.Type.REMOVE) {
            out.add(op.with(type, filter, value == null || value.isNull() ? null : values.normalizeValue(value, attribute)));
            return;
        }
        if (value == null || value.isNull()) {
            throw ScimProblem.invalidValue("The " + type.name().toLowerCase(Locale.ROOT) + " of '" + text + "' needs a value");
        }
        Attribute target = sub != null ? sub : attribute;
        JsonNode coerced = sub == null && filter != null ? values.normalizeSingle(value, attribute) : values.normalizeValue(value, target);
        if (coerced == null) {
            return;
        }
        if (sub == null && filter == null && !attribute.isMultiValued() && attribute.getType() == Attribute.Type.COMPLEX
                && coerced.isObject()) {
            // RFC 7644 §3.5.2.1 and .3: a complex value sets the sub-attributes it names and keeps the others.
            for (Map.Entry<String, JsonNode> field : ((ObjectNode) coerced).properties()) {
                Attribute subAttribute = attribute.getAttribute(field.getKey());
                if (subAttribute != null && !readOnly(subAttribute)) {
                    out.add(new PatchOp(PatchOperation.Type.ADD, schema, isExtension, attribute, subAttribute, null, field.getValue()));
                }
            }
            return;
        }
        boolean singleValued = filter == null && (sub != null || !attribute.isMultiValued());
        out.add(op.with(singleValued ? PatchOperation.Type.ADD : type, filter, coerced));
    }

    private static ValuePathExpression parse(String text) {
        try {
            return PatchOperationPath.fromString(lowerCaseUrn(text)).getValuePathExpression();
        } catch (FilterParseException | IllegalStateException e) {
            throw ScimProblem.invalidPath("'" + text + "' is not a valid PATCH path");
        }
    }

    /** SCIMple's grammar only reads a URN written in lower case; URNs compare ignoring case (RFC 8141). */
    private static String lowerCaseUrn(String text) {
        if (!text.regionMatches(true, 0, "urn:", 0, 4)) {
            return text;
        }
        int bracket = text.indexOf('[');
        int end = text.lastIndexOf(':', bracket < 0 ? text.length() - 1 : bracket);
        return end < 0 ? text : text.substring(0, end).toLowerCase(Locale.ROOT) + text.substring(end);
    }

    private Schema schemaOf(AttributeReference reference, String text) {
        String urn = reference.getUrn();
        if (urn == null || urn.equalsIgnoreCase(base.getId()) || LEGACY_CORE_URNS.contains(urn.toLowerCase(Locale.ROOT))) {
            reference.setUrn(null);
            return base;
        }
        Schema extension = extension(urn);
        if (extension == null) {
            throw ScimProblem.invalidPath("'" + text + "' names a schema this server does not know for a " + resourceName);
        }
        return extension;
    }

    private Schema extension(String urn) {
        String lower = urn.toLowerCase(Locale.ROOT);
        String canonical = ResourceNormalizer.LEGACY_EXTENSIONS.getOrDefault(lower, lower).toLowerCase(Locale.ROOT);
        return extensions.get(canonical);
    }

    /** Sub-attribute names inside {@code emails[Type eq "work"]} take the schema's spelling. */
    private static void canonicalizeFilter(FilterExpression filter, Attribute attribute, String text) {
        if (filter instanceof LogicalExpression logical) {
            canonicalizeFilter(logical.getLeft(), attribute, text);
            canonicalizeFilter(logical.getRight(), attribute, text);
        } else if (filter instanceof GroupExpression group) {
            canonicalizeFilter(group.getFilterExpression(), attribute, text);
        } else if (filter instanceof AttributeComparisonExpression comparison) {
            canonicalize(comparison.getAttributePath(), attribute, text);
        } else if (filter instanceof AttributePresentExpression present) {
            canonicalize(present.getAttributePath(), attribute, text);
        } else {
            throw ScimProblem.invalidPath("'" + text + "' has a filter this server cannot apply");
        }
    }

    private static void canonicalize(AttributeReference reference, Attribute attribute, String text) {
        Attribute sub = reference.getSubAttributeName() == null ? null : attribute.getAttribute(reference.getSubAttributeName());
        if (sub == null) {
            throw ScimProblem.invalidPath("'" + text + "' filters on something " + attribute.getName() + " does not have");
        }
        reference.setAttributeName(attribute.getName());
        reference.setSubAttributeName(sub.getName());
    }

    private static boolean readOnly(Attribute attribute) {
        return attribute != null && attribute.getMutability() == Attribute.Mutability.READ_ONLY;
    }

}
