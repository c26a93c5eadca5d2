package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.apache.directory.scim.spec.patch.PatchOperation;

/** SCIMple's parsed PATCH operations written back as the PatchOp JSON our PATCH pipeline reads. */
final class PatchJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatchJson() {
    }

    static ObjectNode of(List<PatchOperation> operations) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        ArrayNode written = request.putArray("Operations");
        for (PatchOperation operation : operations) {
            ObjectNode op = written.addObject().put("op", operation.getOperation().name().toLowerCase(Locale.ROOT));
            if (operation.getPath() != null) {
                op.put("path", operation.getPath().toString());
            }
            if (operation.getValue() != null) {
                op.set("value", JSON.valueToTree(operation.getValue()));
            }
        }
        return request;
    }
}
