package io.scimgate.server.scim.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.projection.AttributeSelection.Selector;
import io.scimgate.server.scim.schema.SchemaPath;
import io.scimgate.server.scim.schema.SchemaPaths;
import io.scimgate.server.scim.schema.UnknownPath;
import io.scimgate.server.scim.schema.ValueFilterMatcher;
import java.util.Iterator;
import java.util.List;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Returned;

/**
 * Applies {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.9) to a resource document.
 * Attributes the schema returns {@code always} ({@code id}, {@code meta}) stay, {@code never} ones
 * (password) never leave, and {@code schemas} lists only the extensions still present. Paths into
 * extensions the server does not define are resolved against the extensions the document holds.
 */
public final class ResourceProjector {

    private final ObjectMapper json;
    private final SchemaPaths paths;
    private final ResourceNormalizer normalizer;

    public ResourceProjector(ObjectMapper json, ResourceNormalizer normalizer) {
        this.json = json;
        this.normalizer = normalizer;
        this.paths = normalizer.paths();
    }

    /**
     * @param resource a document made for this one response (as every repository read and write
     *        returns it): it is changed in place, not copied, so that a response's tree is built once
     * @return the document as the response shows it: {@code resource} itself unless {@code attributes}
     *        names what to keep
     */
    public ObjectNode project(ObjectNode resource, AttributeSelection selection) {
        ObjectNode result = resource;
        removeNeverReturned(result);
        List<String> extensions = normalizer.undeclaredExtensionUrns(result);
        if (!selection.attributes().isEmpty()) {
            result = keepOnly(result, selection.attributes(), extensions);
        }
        for (Selector selector : selection.excluded()) {
            SchemaPath path = target(selector, extensions);
            if (path != null) {
                exclude(result, path);
            }
        }
        result.set("schemas", normalizer.schemas(result));
        return result;
    }

    private void removeNeverReturned(ObjectNode resource) {
        paths.resource().core().getAttributes().stream().filter(attribute -> attribute.getReturned() == Returned.NEVER)
                .forEach(attribute -> resource.remove(attribute.getName()));
    }

    private ObjectNode keepOnly(ObjectNode resource, List<Selector> selectors, List<String> extensions) {
        ObjectNode kept = json.createObjectNode();
        for (Schema.Attribute attribute : paths.resource().core().getAttributes()) {
            if (attribute.getReturned() == Returned.ALWAYS && resource.has(attribute.getName())) {
                kept.set(attribute.getName(), resource.get(attribute.getName()));
            }
        }
        for (Selector selector : selectors) {
            SchemaPath path = target(selector, extensions);
            if (path == null) {
                continue;
            }
            if (path.wholeSchema()) {
                JsonNode source = path.core() ? resource : resource.get(path.urn());
                if (source instanceof ObjectNode object) {
                    ObjectNode destination = path.core() ? kept : container(kept, path);
                    object.properties().forEach(field -> {
                        if (path.core() && field.getKey().regionMatches(true, 0, "urn:", 0, 4)) {
                            return;
                        }
                        destination.set(field.getKey(), field.getValue());
                    });
                }
                continue;
            }
            JsonNode value = path.attributeValue(resource);
            if (value == null) {
                continue;
            }
            JsonNode selected = select(value, path);
            if (selected != null) {
                ObjectNode destination = container(kept, path);
                destination.set(path.attributeName(), merge(destination.get(path.attributeName()), selected));
            }
        }
        return kept;
    }

    private static ObjectNode container(ObjectNode kept, SchemaPath path) {
        return path.container(kept, true);
    }

    private JsonNode select(JsonNode value, SchemaPath path) {
        ValueFilterMatcher matcher = path.filter() == null ? null : ValueFilterMatcher.of(path);
        if (value.isArray()) {
            ArrayNode items = json.createArrayNode();
            for (JsonNode item : value) {
                if (matcher == null || matcher.matches(item)) {
                    JsonNode selected = path.hasSubAttribute() ? subOnly(item, path.subAttributeName()) : item;
                    if (selected != null) {
                        items.add(selected);
                    }
                }
            }
            return items;
        }
        return path.hasSubAttribute() ? subOnly(value, path.subAttributeName()) : value;
    }

    private JsonNode subOnly(JsonNode item, String sub) {
        if (!item.isObject() || !item.has(sub)) {
            return null;
        }
        return json.createObjectNode().set(sub, item.get(sub));
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

    private static void exclude(ObjectNode resource, SchemaPath path) {
        if (path.wholeSchema()) {
            if (!path.core()) {
                resource.remove(path.urn());
            }
            return;
        }
        if (path.attribute() != null && path.attribute().getReturned() == Returned.ALWAYS) {
            return;
        }
        ObjectNode container = path.container(resource, false);
        if (container == null || !container.has(path.attributeName())) {
            return;
        }
        JsonNode value = container.get(path.attributeName());
        if (!path.hasSubAttribute() && path.filter() == null) {
            container.remove(path.attributeName());
        } else if (value.isArray()) {
            ValueFilterMatcher matcher = path.filter() == null ? null : ValueFilterMatcher.of(path);
            for (Iterator<JsonNode> items = value.iterator(); items.hasNext();) {
                JsonNode item = items.next();
                if (matcher == null || matcher.matches(item)) {
                    if (!path.hasSubAttribute()) {
                        items.remove();
                    } else if (item.isObject()) {
                        ((ObjectNode) item).remove(path.subAttributeName());
                    }
                }
            }
        } else if (value.isObject() && path.hasSubAttribute()) {
            ((ObjectNode) value).remove(path.subAttributeName());
        }
        if (container != resource && container.isEmpty()) {
            resource.remove(path.urn());
        }
    }

    /** Where a selector points in this document, or null when nowhere. */
    private SchemaPath target(Selector selector, List<String> extensions) {
        if (selector.path() == null || selector.path().declared() || extensions.isEmpty()) {
            return selector.path();
        }
        try {
            return paths.resolve(selector.text(), extensions);
        } catch (UnknownPath e) {
            return null;
        }
    }
}
