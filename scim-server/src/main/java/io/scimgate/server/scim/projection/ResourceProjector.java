package io.scimgate.server.scim.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.projection.AttributeSelection.Selector;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.schema.ResourceType;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Returned;

/**
 * Applies {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.9) to a resource document.
 * Attributes the schema returns {@code always} ({@code id}, {@code meta}) stay, {@code never} ones
 * (password) never leave, and {@code schemas} lists only the extensions still present.
 * SCIMple M1's own projection is not public, fails with a 500 on unknown names and knows no value paths.
 */
public final class ResourceProjector {

    private final ObjectMapper json;
    private final Schema base;
    private final Map<String, Schema> extensions = new LinkedHashMap<>();

    public ResourceProjector(ObjectMapper json, SchemaRegistry registry, String resourceTypeName) {
        this.json = json;
        ResourceType type = registry.getResourceType(resourceTypeName);
        this.base = registry.getSchema(type.getSchemaUrn());
        if (type.getSchemaExtensions() != null) {
            type.getSchemaExtensions().forEach(extension -> {
                Schema schema = registry.getSchema(extension.getSchemaUrn());
                extensions.put(schema.getId().toLowerCase(Locale.ROOT), schema);
            });
        }
    }

    public ObjectNode project(ObjectNode resource, AttributeSelection selection) {
        ObjectNode result = resource.deepCopy();
        removeNeverReturned(result);
        if (!selection.attributes().isEmpty()) {
            result = keepOnly(result, selection.attributes());
        }
        for (Selector selector : selection.excluded()) {
            exclude(result, selector);
        }
        fixSchemas(result);
        return result;
    }

    private void removeNeverReturned(ObjectNode resource) {
        base.getAttributes().stream().filter(attribute -> attribute.getReturned() == Returned.NEVER)
                .forEach(attribute -> resource.remove(attribute.getName()));
    }

    private ObjectNode keepOnly(ObjectNode resource, List<Selector> selectors) {
        ObjectNode kept = json.createObjectNode();
        kept.set("schemas", resource.get("schemas"));
        for (Schema.Attribute attribute : base.getAttributes()) {
            if (attribute.getReturned() == Returned.ALWAYS && resource.has(attribute.getName())) {
                kept.set(attribute.getName(), resource.get(attribute.getName()));
            }
        }
        for (Selector selector : selectors) {
            Target target = target(selector);
            if (target == null) {
                continue;
            }
            JsonNode source = target.container(resource);
            if (source == null) {
                continue;
            }
            ObjectNode destination = target.extension == null ? kept
                    : kept.has(target.extension.getId()) ? (ObjectNode) kept.get(target.extension.getId())
                    : kept.putObject(target.extension.getId());
            if (target.attribute == null) {
                destination.setAll((ObjectNode) source);
                continue;
            }
            JsonNode value = source.get(target.attribute.getName());
            if (value != null) {
                JsonNode selected = select(value, target);
                if (selected != null) {
                    destination.set(target.attribute.getName(), merge(destination.get(target.attribute.getName()), selected));
                }
            }
        }
        return kept;
    }

    private JsonNode select(JsonNode value, Target target) {
        if (value.isArray()) {
            ArrayNode items = json.createArrayNode();
            for (JsonNode item : value) {
                if (target.matches(item)) {
                    JsonNode selected = target.sub == null ? item : subOnly(item, target.sub);
                    if (selected != null) {
                        items.add(selected);
                    }
                }
            }
            return items;
        }
        return target.sub == null ? value : subOnly(value, target.sub);
    }

    private JsonNode subOnly(JsonNode item, Schema.Attribute sub) {
        if (!item.isObject() || !item.has(sub.getName())) {
            return null;
        }
        return json.createObjectNode().set(sub.getName(), item.get(sub.getName()));
    }

    /** Two selections of one attribute ({@code name.givenName}, {@code name.familyName}) add up. */
    private static JsonNode merge(JsonNode existing, JsonNode added) {
        if (existing == null) {
            return added;
        }
        if (existing.isObject() && added.isObject()) {
            ((ObjectNode) existing).setAll((ObjectNode) added);
            return existing;
        }
        if (existing.isArray() && added.isArray() && existing.size() == added.size()) {
            for (int i = 0; i < existing.size(); i++) {
                merge(existing.get(i), added.get(i));
            }
            return existing;
        }
        return added;
    }

    private void exclude(ObjectNode resource, Selector selector) {
        Target target = target(selector);
        if (target == null) {
            return;
        }
        if (target.attribute == null) {
            resource.remove(target.extension.getId());
            return;
        }
        if (target.attribute.getReturned() == Returned.ALWAYS) {
            return;
        }
        JsonNode container = target.container(resource);
        if (container == null || !container.has(target.attribute.getName())) {
            return;
        }
        JsonNode value = container.get(target.attribute.getName());
        if (target.sub == null && target.filter == null) {
            ((ObjectNode) container).remove(target.attribute.getName());
        } else if (value.isArray()) {
            for (Iterator<JsonNode> items = value.iterator(); items.hasNext();) {
                JsonNode item = items.next();
                if (target.matches(item)) {
                    if (target.sub == null) {
                        items.remove();
                    } else if (item.isObject()) {
                        ((ObjectNode) item).remove(target.sub.getName());
                    }
                }
            }
        } else if (value.isObject() && target.sub != null) {
            ((ObjectNode) value).remove(target.sub.getName());
        }
        if (container != resource && container.isEmpty()) {
            resource.remove(target.extension.getId());
        }
    }

    private void fixSchemas(ObjectNode resource) {
        ArrayNode schemas = json.createArrayNode().add(base.getId());
        extensions.values().stream().filter(extension -> resource.has(extension.getId()))
                .forEach(extension -> schemas.add(extension.getId()));
        resource.set("schemas", schemas);
    }

    /** Where a selector points, or null when no schema attribute is there (unknown names select nothing). */
    private Target target(Selector selector) {
        Schema wholeExtension = extensions.get(selector.text().toLowerCase(Locale.ROOT));
        if (wholeExtension != null) {
            return new Target(wholeExtension, null, null, null);
        }
        AttributeReference reference = selector.path().getAttributePath();
        Schema schema = base;
        Schema extension = null;
        if (reference.getUrn() != null && !reference.getUrn().equalsIgnoreCase(base.getId())) {
            extension = extensions.get(reference.getUrn().toLowerCase(Locale.ROOT));
            if (extension == null) {
                return null;
            }
            schema = extension;
        }
        Schema.Attribute attribute = schema.getAttribute(reference.getAttributeName());
        if (attribute == null) {
            return null;
        }
        Schema.Attribute sub = null;
        if (reference.getSubAttributeName() != null) {
            sub = attribute.getAttribute(reference.getSubAttributeName());
            if (sub == null) {
                return null;
            }
        }
        FilterExpression filter = selector.path().getAttributeExpression();
        Predicate<Object> matcher = filter == null ? null : FilterExpressions.inMemoryMap(filter, schema);
        return new Target(extension, attribute, sub, matcher == null ? null : item -> matcher.test(asMap(item)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(JsonNode item) {
        return item.isObject() ? json.convertValue(item, Map.class) : Map.of();
    }

    private static final class Target {
        final Schema extension;
        final Schema.Attribute attribute;
        final Schema.Attribute sub;
        final Predicate<JsonNode> filter;

        Target(Schema extension, Schema.Attribute attribute, Schema.Attribute sub, Predicate<JsonNode> filter) {
            this.extension = extension;
            this.attribute = attribute;
            this.sub = sub;
            this.filter = filter;
        }

        JsonNode container(ObjectNode resource) {
            return extension == null ? resource : resource.get(extension.getId());
        }

        boolean matches(JsonNode item) {
            return filter == null || filter.test(item);
        }
    }

}
