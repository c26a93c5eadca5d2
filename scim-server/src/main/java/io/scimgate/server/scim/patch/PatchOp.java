package io.scimgate.server.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.scim.schema.SchemaPath;
import org.apache.directory.scim.spec.patch.PatchOperation;

/**
 * One PATCH operation after normalisation: a known operation, a resolved path whose names are the
 * schema's, and a value in the shape and type the schema gives the target (null for a remove
 * without value).
 */
public record PatchOp(PatchOperation.Type type, SchemaPath path, JsonNode value) {

    /** Whether the operation is on the core attribute {@code name} (e.g. a group's members). */
    public boolean targets(String name) {
        return path.core() && name.equals(path.attributeName());
    }

    /** The path as text, for messages. */
    public String describe() {
        return path.text();
    }
}
