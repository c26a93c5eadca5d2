package io.scimgate.server.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.http.RequestBudget;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.RemovalByValueList;
import io.scimgate.server.scim.quirk.ValuePathAddCreatesElement;
import io.scimgate.server.scim.schema.SchemaPath;
import io.scimgate.server.scim.schema.ValueFilterMatcher;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * Applies normalised PATCH operations to a resource document (RFC 7644 §3.5.2), in order, on a copy.
 * <ul>
 * <li>{@code add} appends to a multi-valued attribute what it does not hold yet, sets a single value,
 * and merges a complex one sub-attribute by sub-attribute; {@code replace} replaces a multi-valued
 * attribute whole and otherwise acts as {@code add} (IDP-QUIRKS.md §10.1).</li>
 * <li>Through a value path, both replace the matching elements ({@code emails[type eq "work"]}) or
 * set their sub-attribute ({@code emails[type eq "work"].value}); when nothing matches,
 * {@link ValuePathAddCreatesElement} creates the element, else it is {@code 400 noTarget}.</li>
 * <li>{@code remove} removes the attribute, the sub-attribute, the matching elements, or with
 * {@link RemovalByValueList} the listed values; removing what is absent changes nothing.</li>
 * <li>Setting {@code primary: true} on one element of a list clears it on the others (RFC 7644 §3.5.2).</li>
 * </ul>
 */
public final class DocumentPatcher {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** {@code document} with {@code operations} applied; {@code document} itself is not changed. */
    public ObjectNode apply(ObjectNode document, List<PatchOp> operations, Quirks quirks) {
        ObjectNode patched = document.deepCopy();
        for (PatchOp operation : operations) {
            RequestBudget.checkDuringChange("this resource");
            apply(patched, operation, quirks);
        }
        return patched;
    }

    private void apply(ObjectNode document, PatchOp op, Quirks quirks) {
        SchemaPath path = op.path();
        if (path.wholeSchema()) {
            if (op.type() == PatchOperation.Type.REMOVE && !path.core()) {
                document.remove(path.urn());
            }
            return;
        }
        ObjectNode container = path.container(document, op.type() != PatchOperation.Type.REMOVE);
        if (container == null) {
            return;
        }
        if (op.type() == PatchOperation.Type.REMOVE) {
            remove(container, op, quirks);
        } else if (path.filter() != null) {
            throughFilter(container, op, quirks);
        } else if (path.hasSubAttribute()) {
            setSubAttribute(container, path, op.value());
        } else {
            set(container, op);
        }
        if (!path.core() && container.isEmpty()) {
            document.remove(path.urn());
        }
    }

    private static void set(ObjectNode container, PatchOp op) {
        SchemaPath path = op.path();
        String name = path.attributeName();
        JsonNode current = container.get(name);
        JsonNode value = op.value();
        boolean multiValued = path.declared() ? path.multiValued() : value.isArray();
        if (multiValued && value.isArray()) {
            if (op.type() == PatchOperation.Type.REPLACE || current == null || !current.isArray()) {
                container.set(name, value.deepCopy());
            } else {
                ArrayNode items = (ArrayNode) current;
                value.forEach(item -> {
                    if (!contains(items, item)) {
                        items.add(item.deepCopy());
                    }
                });
            }
            onlyOnePrimary((ArrayNode) container.get(name), null);
        } else if (value.isObject() && current instanceof ObjectNode existing && isComplex(path)) {
            // RFC 7644 §3.5.2.1 and §3.5.2.3: a complex value sets the sub-attributes it names and keeps the others.
            existing.setAll((ObjectNode) value.deepCopy());
        } else if (value.isObject() && value.isEmpty()) {
            return;
        } else {
            container.set(name, value.deepCopy());
        }
    }

    private static boolean isComplex(SchemaPath path) {
        return !path.declared() || path.attribute().getType() == Attribute.Type.COMPLEX;
    }

    private static void setSubAttribute(ObjectNode container, SchemaPath path, JsonNode value) {
        JsonNode current = container.get(path.attributeName());
        if (current != null && current.isArray()) {
            if (current.isEmpty()) {
                ((ArrayNode) current).addObject().set(path.subAttributeName(), value.deepCopy());
            }
            for (JsonNode element : current) {
                if (element instanceof ObjectNode object) {
                    object.set(path.subAttributeName(), value.deepCopy());
                }
            }
            return;
        }
        if (current == null && path.multiValued()) {
            container.putArray(path.attributeName()).addObject().set(path.subAttributeName(), value.deepCopy());
            return;
        }
        ObjectNode parent = current instanceof ObjectNode object ? object : container.putObject(path.attributeName());
        parent.set(path.subAttributeName(), value.deepCopy());
    }

    private static void throughFilter(ObjectNode container, PatchOp op, Quirks quirks) {
        SchemaPath path = op.path();
        JsonNode current = container.get(path.attributeName());
        ArrayNode items = current instanceof ArrayNode array ? array : container.putArray(path.attributeName());
        ValueFilterMatcher matcher = ValueFilterMatcher.of(path);
        boolean matched = false;
        for (int i = 0; i < items.size(); i++) {
            if (!matcher.matches(items.get(i))) {
                continue;
            }
            matched = true;
            if (path.hasSubAttribute()) {
                ((ObjectNode) items.get(i)).set(path.subAttributeName(), op.value().deepCopy());
            } else if (op.value().isObject()) {
                items.set(i, op.value().deepCopy());
            } else {
                throw ScimProblem.invalidValue("'" + path.text() + "' selects whole elements; its value must be an object");
            }
            onlyOnePrimary(items, items.get(i));
        }
        if (matched) {
            return;
        }
        ObjectNode element = quirks.find(ValuePathAddCreatesElement.class)
                .map(quirk -> quirk.elementOf(path.filter()))
                .orElse(null);
        if (element == null) {
            if (items.isEmpty()) {
                container.remove(path.attributeName());
            }
            throw new ScimProblem(400, "noTarget", "Nothing matches '" + path.text() + "'");
        }
        if (path.hasSubAttribute()) {
            element.set(path.subAttributeName(), op.value().deepCopy());
        } else if (op.value().isObject()) {
            element.setAll((ObjectNode) op.value().deepCopy());
        }
        items.add(element);
        onlyOnePrimary(items, element);
    }

    private static void remove(ObjectNode container, PatchOp op, Quirks quirks) {
        SchemaPath path = op.path();
        String name = path.attributeName();
        JsonNode current = container.get(name);
        if (current == null) {
            return;
        }
        if (path.filter() != null) {
            if (!current.isArray()) {
                return;
            }
            ValueFilterMatcher matcher = ValueFilterMatcher.of(path);
            for (Iterator<JsonNode> items = current.iterator(); items.hasNext();) {
                JsonNode item = items.next();
                if (matcher.matches(item)) {
                    if (path.hasSubAttribute()) {
                        ((ObjectNode) item).remove(path.subAttributeName());
                    } else {
                        items.remove();
                    }
                }
            }
        } else if (path.hasSubAttribute()) {
            if (current instanceof ObjectNode object) {
                object.remove(path.subAttributeName());
            } else if (current.isArray()) {
                current.forEach(item -> {
                    if (item instanceof ObjectNode object) {
                        object.remove(path.subAttributeName());
                    }
                });
            }
        } else if (op.value() != null && current.isArray()) {
            if (!quirks.has(RemovalByValueList.class)) {
                throw ScimProblem.invalidValue("A remove takes no value; select what to remove with a path such as "
                        + name + "[value eq \"…\"]");
            }
            JsonNode listed = op.value().isArray() ? op.value() : NODES.arrayNode().add(op.value());
            for (Iterator<JsonNode> items = current.iterator(); items.hasNext();) {
                JsonNode item = items.next();
                for (JsonNode unwanted : listed) {
                    if (item.equals(unwanted) || covers(item, unwanted)) {
                        items.remove();
                        break;
                    }
                }
            }
        } else {
            container.remove(name);
            return;
        }
        if (current.isContainerNode() && current.isEmpty()) {
            container.remove(name);
        }
    }

    /** Whether an element of {@code items} already has every value {@code item} sets. */
    private static boolean contains(JsonNode items, JsonNode item) {
        for (JsonNode existing : items) {
            if (existing.equals(item) || covers(existing, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(JsonNode existing, JsonNode item) {
        if (!item.isObject() || !existing.isObject() || item.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            if (!field.getValue().equals(existing.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Keeps {@code primary: true} on {@code chosen} (or the last element that has it) and clears it on the others. */
    private static void onlyOnePrimary(ArrayNode items, JsonNode chosen) {
        JsonNode primary = chosen != null && chosen.path("primary").asBoolean(false) ? chosen : null;
        if (primary == null) {
            for (JsonNode item : items) {
                if (item.path("primary").isBoolean() && item.path("primary").booleanValue()) {
                    primary = item;
                }
            }
        }
        if (primary == null) {
            return;
        }
        for (JsonNode item : items) {
            if (item != primary && item instanceof ObjectNode object && object.path("primary").asBoolean(false)) {
                object.put("primary", false);
            }
        }
    }
}
