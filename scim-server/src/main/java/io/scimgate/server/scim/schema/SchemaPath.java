package io.scimgate.server.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * Where an attribute path points in a resource document, with every name as the schema spells it:
 * the schema (the core one, a declared extension, or an extension the server does not define, whose
 * names are kept as sent), the attribute (null for a whole extension), a sub-attribute, and the
 * value filter of a value path ({@code emails[type eq "work"]}, its names canonical too).
 *
 * @param urn the canonical URN of the schema holding the attribute
 * @param schema the declared schema, or null for an extension the server does not define
 * @param attribute the declared attribute, or null (whole schema, or an undeclared extension's attribute)
 */
public record SchemaPath(String urn, Schema schema, boolean core, String attributeName, Attribute attribute,
        String subAttributeName, Attribute subAttribute, FilterExpression filter) {

    /** Whether the server defines the schema, so that names and types are known. */
    public boolean declared() {
        return schema != null;
    }

    /** A path naming a whole schema: an extension object, or the core attributes nested under their URN. */
    public boolean wholeSchema() {
        return attributeName == null;
    }

    public boolean hasSubAttribute() {
        return subAttributeName != null;
    }

    public boolean multiValued() {
        return attribute != null && attribute.isMultiValued();
    }

    /** The declared attribute the path ends in: the sub-attribute when there is one. */
    public Attribute target() {
        return subAttribute != null ? subAttribute : attribute;
    }

    /** Whether a client may not write there (RFC 7643 §7 {@code readOnly}). */
    public boolean readOnly() {
        return isReadOnly(attribute) || isReadOnly(subAttribute);
    }

    private static boolean isReadOnly(Attribute attribute) {
        return attribute != null && attribute.getMutability() == Attribute.Mutability.READ_ONLY;
    }

    /** The same path without its value filter. */
    public SchemaPath withoutFilter() {
        return new SchemaPath(urn, schema, core, attributeName, attribute, subAttributeName, subAttribute, null);
    }

    /** The same attribute, ending in its sub-attribute {@code name} (already canonical). */
    public SchemaPath withSubAttribute(String name, Attribute sub) {
        return new SchemaPath(urn, schema, core, attributeName, attribute, name, sub, filter);
    }

    /**
     * The canonical name without the value filter: {@code userName}, {@code name.givenName},
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}, or a URN.
     */
    public String name() {
        if (wholeSchema()) {
            return urn;
        }
        String local = attributeName + (subAttributeName == null ? "" : "." + subAttributeName);
        return core ? local : urn + ":" + local;
    }

    /** The canonical path as text, value filter included, for messages. */
    public String text() {
        if (filter == null) {
            return name();
        }
        String local = attributeName + "[" + filter.toFilter() + "]" + (subAttributeName == null ? "" : "." + subAttributeName);
        return core ? local : urn + ":" + local;
    }

    /**
     * The object of {@code document} that holds this path's attribute: the document for core
     * attributes, the extension's object otherwise (created when {@code create}, else null when absent).
     */
    public ObjectNode container(ObjectNode document, boolean create) {
        if (core) {
            return document;
        }
        JsonNode extension = document.get(urn);
        if (extension instanceof ObjectNode object) {
            return object;
        }
        return create ? document.putObject(urn) : null;
    }

    /** The value at this path's attribute (sub-attribute and filter aside), or null. */
    public JsonNode attributeValue(ObjectNode document) {
        ObjectNode container = container(document, false);
        if (container == null) {
            return null;
        }
        if (wholeSchema()) {
            return container;
        }
        JsonNode value = container.get(attributeName);
        return value == null || value.isNull() ? null : value;
    }
}
