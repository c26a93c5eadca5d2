package io.scimgate.server.scim.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.quirk.ComplexValueShapes;
import io.scimgate.server.scim.quirk.MemberDisplayName;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.StringBooleans;
import io.scimgate.server.scim.schema.ResourceSchema;
import io.scimgate.server.scim.schema.SchemaPath;
import io.scimgate.server.scim.schema.SchemaPaths;
import io.scimgate.server.scim.schema.UnknownPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * Brings a resource document as a client sent it into the canonical document scimgate stores and
 * returns: every key resolved by {@link SchemaPaths} (names and URNs in any case, legacy URIs, core
 * attributes nested under the core URN or fully qualified, RFC 7644 §3.10), values in the shape and
 * type the schema gives them, with the provider's quirks applied ({@link StringBooleans},
 * {@link ComplexValueShapes}, {@link MemberDisplayName}). What the client may not write is dropped:
 * read-only attributes and sub-attributes ({@code id}, {@code meta}, {@code groups},
 * {@code manager.displayName}) and the never-returned {@code password}; so are names the schema does
 * not have. Extensions the server does not define are kept as sent. {@code null} is absent. A value
 * of the wrong type is {@code 400 invalidValue}. Values themselves are never reformatted.
 */
public final class ResourceNormalizer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SchemaPaths paths;

    public ResourceNormalizer(SchemaPaths paths) {
        this.paths = paths;
    }

    public SchemaPaths paths() {
        return paths;
    }

    /** The canonical document of a resource body; {@code input} is not changed. */
    public ObjectNode normalize(JsonNode input, Quirks quirks) {
        if (input == null || !input.isObject()) {
            throw ScimProblem.invalidSyntax("The request body must be a SCIM " + paths.resource().name() + " object");
        }
        ObjectNode document = NODES.objectNode();
        List<String> extensionUrns = extensionUrns(input);
        merge(document, (ObjectNode) input, extensionUrns, quirks);
        document.set("schemas", schemas(document));
        return document;
    }

    /** The {@code schemas} of a canonical document: the core URN, then each extension it holds. */
    public ArrayNode schemas(ObjectNode document) {
        ArrayNode schemas = NODES.arrayNode().add(paths.resource().core().getId());
        paths.resource().extensions().stream().map(Schema::getId).filter(document::has).forEach(schemas::add);
        document.properties().forEach(field -> {
            if (isUndeclaredExtension(field.getKey(), field.getValue())) {
                schemas.add(field.getKey());
            }
        });
        return schemas;
    }

    /** Whether a document key holds an extension the server does not define. */
    public boolean isUndeclaredExtension(String key, JsonNode value) {
        return value.isObject() && ResourceSchema.isExtensionNamespace(key) && paths.resource().declaredUrn(key).isEmpty();
    }

    /** Whether a document key holds an extension, declared or not; other URN keys are not part of the resource. */
    public boolean isExtension(String key, JsonNode value) {
        return paths.resource().declaredUrn(key).filter(urn -> !paths.resource().isCore(urn)).isPresent()
                || isUndeclaredExtension(key, value);
    }

    /** Removes the URN keys of a document that name no extension (records of other systems kept alongside). */
    public void removeForeignKeys(ObjectNode document) {
        document.properties().removeIf(field -> field.getKey().regionMatches(true, 0, "urn:", 0, 4)
                && !isExtension(field.getKey(), field.getValue()));
    }

    /** The keys of a document that hold extensions the server does not define. */
    public List<String> undeclaredExtensionUrns(ObjectNode document) {
        List<String> urns = new ArrayList<>();
        document.properties().forEach(field -> {
            if (isUndeclaredExtension(field.getKey(), field.getValue())) {
                urns.add(field.getKey());
            }
        });
        return urns;
    }

    private void merge(ObjectNode document, ObjectNode input, List<String> extensionUrns, Quirks quirks) {
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value == null || value.isNull() || key.equalsIgnoreCase("schemas")) {
                continue;
            }
            SchemaPath path;
            try {
                path = paths.resolve(key, extensionUrns);
            } catch (UnknownPath unknown) {
                continue;
            }
            if (!path.wholeSchema()) {
                put(document, path, value, quirks);
            } else if (!value.isObject()) {
                throw ScimProblem.invalidValue("'" + key + "' must be an object of that schema's attributes");
            } else if (path.core()) {
                merge(document, (ObjectNode) value, extensionUrns, quirks);
            } else if (path.declared()) {
                for (Map.Entry<String, JsonNode> attribute : value.properties()) {
                    SchemaPath inExtension;
                    try {
                        inExtension = paths.resolve(path.urn() + ":" + attribute.getKey());
                    } catch (UnknownPath unknown) {
                        continue;
                    }
                    if (attribute.getValue() != null && !attribute.getValue().isNull()) {
                        put(document, inExtension, attribute.getValue(), quirks);
                    }
                }
            } else {
                ObjectNode extension = path.container(document, true);
                value.properties().forEach(attribute -> {
                    if (attribute.getValue() != null && !attribute.getValue().isNull()) {
                        extension.set(attribute.getKey(), attribute.getValue().deepCopy());
                    }
                });
            }
        }
        document.properties().removeIf(field -> isUndeclaredExtension(field.getKey(), field.getValue())
                && field.getValue().isEmpty());
    }

    private void put(ObjectNode document, SchemaPath path, JsonNode value, Quirks quirks) {
        if (!path.declared()) {
            ObjectNode extension = path.container(document, true);
            if (path.hasSubAttribute()) {
                JsonNode parent = extension.get(path.attributeName());
                ObjectNode object = parent instanceof ObjectNode o ? o : extension.putObject(path.attributeName());
                object.set(path.subAttributeName(), value.deepCopy());
            } else {
                extension.set(path.attributeName(), value.deepCopy());
            }
            return;
        }
        if (!writable(path.attribute()) || path.subAttribute() != null && !writable(path.subAttribute())) {
            return;
        }
        JsonNode normalized = value(value, path, quirks);
        if (normalized == null || normalized.isObject() && normalized.isEmpty()) {
            return;
        }
        ObjectNode container = path.container(document, true);
        if (path.hasSubAttribute()) {
            JsonNode parent = container.get(path.attributeName());
            if (path.multiValued()) {
                return;
            }
            ObjectNode object = parent instanceof ObjectNode o ? o : container.putObject(path.attributeName());
            object.set(path.subAttributeName(), normalized);
        } else if (normalized.isObject() && container.get(path.attributeName()) instanceof ObjectNode existing) {
            existing.setAll((ObjectNode) normalized);
        } else {
            container.set(path.attributeName(), normalized);
        }
    }

    /**
     * {@code value} in the shape and type {@code path} gives it: a list for a multi-valued attribute,
     * one element for a value path ({@code emails[type eq "work"]}), a sub-attribute's own type. A
     * complex value with nothing writable in it is an empty object; null is null.
     */
    public JsonNode value(JsonNode value, SchemaPath path, Quirks quirks) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!path.declared()) {
            return value.deepCopy();
        }
        String name = path.name();
        if (path.subAttribute() != null) {
            return single(value, path.subAttribute(), name, quirks);
        }
        if (path.filter() != null) {
            return single(value, path.attribute(), name, quirks);
        }
        return attributeValue(value, path.attribute(), name, quirks);
    }

    private JsonNode attributeValue(JsonNode value, Attribute attribute, String name, Quirks quirks) {
        Set<JsonNode> items = new LinkedHashSet<>();
        if (attribute.isMultiValued()) {
            if (value.isArray()) {
                value.forEach(item -> addIfPresent(items, single(item, attribute, name, quirks)));
            } else if (quirks.has(ComplexValueShapes.class)) {
                addIfPresent(items, single(value, attribute, name, quirks));
            } else {
                throw wrongType(name, "a list", value);
            }
            ArrayNode list = NODES.arrayNode();
            items.forEach(list::add);
            return list;
        }
        if (value.isArray() && attribute.getType() == Attribute.Type.COMPLEX) {
            JsonNode only = quirks.find(ComplexValueShapes.class).map(shapes -> shapes.onlyElement(value)).orElse(null);
            if (value.isEmpty()) {
                return null;
            }
            if (only == null) {
                throw wrongType(name, "one object", value);
            }
            return single(only, attribute, name, quirks);
        }
        return single(value, attribute, name, quirks);
    }

    private static void addIfPresent(Set<JsonNode> items, JsonNode item) {
        if (item != null && !(item.isObject() && item.isEmpty())) {
            items.add(item);
        }
    }

    /** One value (an element, for a multi-valued attribute) of {@code attribute}'s type. */
    private JsonNode single(JsonNode value, Attribute attribute, String name, Quirks quirks) {
        if (value == null || value.isNull()) {
            return null;
        }
        switch (attribute.getType()) {
            case COMPLEX:
                return complex(value, attribute, name, quirks);
            case BOOLEAN:
                if (value.isBoolean()) {
                    return value;
                }
                return coerced(value, attribute, name, "true or false", quirks);
            case INTEGER:
            case DECIMAL:
                if (value.isNumber() && (attribute.getType() == Attribute.Type.DECIMAL || value.isIntegralNumber())) {
                    return value;
                }
                return coerced(value, attribute, name, attribute.getType() == Attribute.Type.INTEGER ? "an integer" : "a number",
                        quirks);
            default:
                if (value.isTextual()) {
                    return value;
                }
                if (value.isNumber() || value.isBoolean()) {
                    return new TextNode(value.asText());
                }
                throw wrongType(name, "a string", value);
        }
    }

    private JsonNode coerced(JsonNode value, Attribute attribute, String name, String expected, Quirks quirks) {
        JsonNode coerced = quirks.find(StringBooleans.class).map(quirk -> quirk.coerce(value, attribute)).orElse(null);
        if (coerced == null) {
            throw wrongType(name, expected, value);
        }
        return coerced;
    }

    private JsonNode complex(JsonNode value, Attribute attribute, String name, Quirks quirks) {
        if (value.isValueNode()) {
            Attribute valueSub = attribute.getAttribute("value");
            if (valueSub != null && quirks.has(ComplexValueShapes.class)) {
                return complex(quirks.find(ComplexValueShapes.class).get().wrapBareValue(value), attribute, name, quirks);
            }
            throw wrongType(name, "an object", value);
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        ObjectNode input = (ObjectNode) value;
        if (attribute.getName().equals("members")) {
            input = input.deepCopy();
            ObjectNode member = input;
            quirks.find(MemberDisplayName.class).ifPresent(quirk -> quirk.adjust(member));
        }
        ObjectNode complex = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            Attribute sub = attribute.getAttribute(field.getKey());
            if (sub == null || !writable(sub)) {
                continue;
            }
            JsonNode normalized = single(field.getValue(), sub, name + "." + sub.getName(), quirks);
            if (normalized != null) {
                complex.set(sub.getName(), normalized);
            }
        }
        return complex;
    }

    /** Whether a client may write the attribute: not read-only, and not a never-returned secret such as the password. */
    private static boolean writable(Attribute attribute) {
        return attribute.getMutability() != Attribute.Mutability.READ_ONLY
                && attribute.getReturned() != Attribute.Returned.NEVER;
    }

    private static ScimProblem wrongType(String name, String expected, JsonNode value) {
        String sent = value.isTextual() ? "the string " + abbreviate(value.toString())
                : value.isArray() ? "a list" : value.isObject() ? "an object" : abbreviate(value.toString());
        return ScimProblem.invalidValue(name + " must be " + expected + ", not " + sent);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }

    /** URNs the document's {@code schemas} lists and URN keys it has: context for undeclared extension paths. */
    private static List<String> extensionUrns(JsonNode input) {
        List<String> urns = new ArrayList<>();
        JsonNode schemas = JsonFields.field(input, "schemas");
        if (schemas != null && schemas.isArray()) {
            schemas.forEach(urn -> {
                if (urn.isTextual()) {
                    urns.add(urn.asText());
                }
            });
        }
        input.properties().forEach(field -> {
            if (field.getValue().isObject() && field.getKey().toLowerCase(Locale.ROOT).startsWith("urn:")) {
                urns.add(field.getKey());
            }
        });
        return urns;
    }
}
