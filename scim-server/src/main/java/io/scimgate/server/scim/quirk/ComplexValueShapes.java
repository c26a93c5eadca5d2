package io.scimgate.server.scim.quirk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Values in another shape than the schema's: a complex reference as a bare id (Entra sends the
 * enterprise {@code manager} as {@code "value":"u-7"} in production, IDP-QUIRKS.md §1.7), a
 * single-valued complex attribute as a one-element list ({@code "manager":[{"value":…}]} as Entra's
 * documentation shows it), a single value where the attribute is multi-valued. Each is read as the
 * schema's shape (IDP-QUIRKS.md §10.6).
 */
public final class ComplexValueShapes implements Quirk {

    public static final ComplexValueShapes INSTANCE = new ComplexValueShapes();

    private ComplexValueShapes() {
    }

    /** {@code {"value": bare}} for a bare value of a complex attribute that has a {@code value} sub-attribute. */
    public JsonNode wrapBareValue(JsonNode bare) {
        return JsonNodeFactory.instance.objectNode().set("value", bare);
    }

    /** The element of a one-element list given for a single-valued attribute, or null when it has more or none. */
    public JsonNode onlyElement(JsonNode list) {
        return list.size() == 1 ? list.get(0) : null;
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID (manager), clients that send single values for lists";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §1.7, §10.6";
    }
}
