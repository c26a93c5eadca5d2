package io.scimgate.server.scim.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.annotation.ScimResourceType;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.schema.ResourceType;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * Brings a resource document as IdPs really send it into the form SCIMple binds, before binding
 * (IDP-QUIRKS.md §10.2, §10.6, §10.7, §10.8 and §10.11):
 * attribute names and schema URNs in any case become canonical; legacy SCIM 1.x schema URIs are
 * read as the RFC URNs; {@code "True"}/{@code "False"} and numeric strings become booleans and
 * numbers where the schema says so; a single value for a multi-valued attribute becomes a list;
 * {@code null} is treated as absent; {@code schemas} is recomputed from what the document holds.
 * Values themselves are never reformatted.
 */
public final class ResourceNormalizer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** SCIM 1.x and other legacy schema URIs clients still send, by the RFC 7643 URN they stand for. */
    public static final Map<String, String> LEGACY_EXTENSIONS = Map.of(
            "urn:scim:schemas:extension:enterprise:1.0", EnterpriseExtension.URN,
            "urn:scim:schemas:extension:enterprise:2.0", EnterpriseExtension.URN);

    private final SchemaRegistry schemaRegistry;

    public ResourceNormalizer(SchemaRegistry schemaRegistry) {
        this.schemaRegistry = schemaRegistry;
    }

    public ObjectNode normalize(ObjectNode document, Class<? extends ScimResource> resourceClass) {
        ScimResourceType annotation = resourceClass.getAnnotation(ScimResourceType.class);
        ResourceType resourceType = annotation == null ? null : schemaRegistry.getResourceType(annotation.name());
        if (resourceType == null) {
            return document;
        }
        Schema base = schemaRegistry.getSchema(resourceType.getSchemaUrn());
        Map<String, Schema> extensions = extensionsByLowerUrn(resourceType);

        ObjectNode normalized = NODES.objectNode();
        document.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value == null || value.isNull() || key.equalsIgnoreCase("schemas")) {
                return;
            }
            Schema extension = extensions.get(canonicalExtensionKey(key));
            if (extension != null) {
                if (value.isObject()) {
                    ObjectNode target = normalized.has(extension.getId())
                            ? (ObjectNode) normalized.get(extension.getId())
                            : normalized.putObject(extension.getId());
                    mergeComplex(target, (ObjectNode) value, extension);
                }
                return;
            }
            Attribute attribute = base.getAttribute(key);
            if (attribute == null) {
                normalized.set(key, value);
            } else {
                JsonNode normalizedValue = normalizeValue(value, attribute);
                if (normalizedValue != null) {
                    normalized.set(attribute.getName(), normalizedValue);
                }
            }
        });

        ArrayNode schemas = NODES.arrayNode().add(base.getId());
        extensions.values().stream().distinct()
                .filter(extension -> normalized.has(extension.getId()))
                .forEach(extension -> schemas.add(extension.getId()));
        normalized.set("schemas", schemas);
        return normalized;
    }

    private Map<String, Schema> extensionsByLowerUrn(ResourceType resourceType) {
        Map<String, Schema> byUrn = new LinkedHashMap<>();
        if (resourceType.getSchemaExtensions() != null) {
            for (ResourceType.SchemaExtensionConfiguration configuration : resourceType.getSchemaExtensions()) {
                Schema schema = schemaRegistry.getSchema(configuration.getSchemaUrn());
                if (schema != null) {
                    byUrn.put(schema.getId().toLowerCase(Locale.ROOT), schema);
                }
            }
        }
        return byUrn;
    }

    private static String canonicalExtensionKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return LEGACY_EXTENSIONS.getOrDefault(lower, lower).toLowerCase(Locale.ROOT);
    }

    private void mergeComplex(ObjectNode target, ObjectNode value, org.apache.directory.scim.spec.schema.AttributeContainer container) {
        value.properties().forEach(field -> {
            if (field.getValue() == null || field.getValue().isNull()) {
                return;
            }
            Attribute attribute = container.getAttribute(field.getKey());
            if (attribute == null) {
                target.set(field.getKey(), field.getValue());
            } else {
                JsonNode normalizedValue = normalizeValue(field.getValue(), attribute);
                if (normalizedValue != null) {
                    target.set(attribute.getName(), normalizedValue);
                }
            }
        });
    }

    /**
     * A value for {@code attribute} in the shape the schema gives it: a list for a multi-valued
     * attribute, one object for a single-valued complex one sent as a one-element list, an object
     * {@code {"value": x}} for a complex reference sent as a bare {@code x}, booleans and numbers
     * from their string forms. Null when nothing is left.
     */
    public JsonNode normalizeValue(JsonNode value, Attribute attribute) {
        if (attribute.isMultiValued()) {
            ArrayNode items = NODES.arrayNode();
            if (value.isArray()) {
                value.forEach(item -> {
                    JsonNode normalized = normalizeSingle(item, attribute);
                    if (normalized != null) {
                        items.add(normalized);
                    }
                });
            } else {
                JsonNode normalized = normalizeSingle(value, attribute);
                if (normalized != null) {
                    items.add(normalized);
                }
            }
            return items;
        }
        if (value.isArray() && value.size() == 1 && attribute.getType() == Attribute.Type.COMPLEX) {
            return normalizeSingle(value.get(0), attribute);
        }
        return normalizeSingle(value, attribute);
    }

    /** One value (one element of a multi-valued attribute) for {@code attribute}; see {@link #normalizeValue}. */
    public JsonNode normalizeSingle(JsonNode value, Attribute attribute) {
        if (value == null || value.isNull()) {
            return null;
        }
        switch (attribute.getType()) {
            case BOOLEAN:
                return value.isTextual() ? booleanOf(value.textValue(), value) : value;
            case INTEGER:
            case DECIMAL:
                return value.isTextual() ? numberOf(value.textValue(), value) : value;
            case COMPLEX:
                if (value.isObject()) {
                    ObjectNode complex = NODES.objectNode();
                    mergeComplex(complex, (ObjectNode) value, attribute);
                    return complex;
                }
                Attribute valueAttribute = attribute.getAttribute("value");
                if (value.isValueNode() && valueAttribute != null) {
                    return NODES.objectNode().set(valueAttribute.getName(), normalizeSingle(value, valueAttribute));
                }
                return value;
            default:
                return value;
        }
    }

    private static JsonNode booleanOf(String text, JsonNode original) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return BooleanNode.TRUE;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return BooleanNode.FALSE;
        }
        return original;
    }

    private static JsonNode numberOf(String text, JsonNode original) {
        try {
            return NODES.numberNode(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return original;
        }
    }
}
