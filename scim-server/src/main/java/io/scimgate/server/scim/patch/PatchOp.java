package io.scimgate.server.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.schema.Schema;

/**
 * One PATCH operation after normalisation: a known operation, a path whose attribute names and URN
 * are the schema's, and a value in the shape the schema gives the target.
 *
 * @param schema the schema holding the attribute: the resource's, or an extension's
 * @param sub the sub-attribute the path ends in, or null
 * @param filter the value-path filter ({@code emails[type eq "work"]}), or null
 * @param value the value, or null (remove)
 */
public record PatchOp(PatchOperation.Type type, Schema schema, boolean extension, Schema.Attribute attribute,
        Schema.Attribute sub, FilterExpression filter, JsonNode value) {

    public PatchOp with(PatchOperation.Type newType, FilterExpression newFilter, JsonNode newValue) {
        return new PatchOp(newType, schema, extension, attribute, sub, newFilter, newValue);
    }

    public boolean targets(String attributeName) {
        return !extension && attribute.getName().equals(attributeName);
    }

    /** The path as text, for messages. */
    public String path() {
        return toPath().toString();
    }

    PatchOperationPath toPath() {
        AttributeReference reference = new AttributeReference(extension ? schema.getId() : null, attribute.getName(),
                sub == null ? null : sub.getName());
        return new PatchOperationPath(new ValuePathExpression(reference, filter));
    }

    /** The operation as SCIMple's PatchHandler takes it. */
    PatchOperation toScimple(ObjectMapper json) {
        PatchOperation operation = new PatchOperation();
        operation.setOperation(type);
        operation.setPath(toPath());
        operation.setValue(value == null ? null : json.convertValue(value, Object.class));
        return operation;
    }
}
