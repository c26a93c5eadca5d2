package io.scimgate.server.admin;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ProvisioningCore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A directory's attribute mapping (P27): a JSON object from custom attribute names to paths into
 * the SCIM user document, e.g. {@code {"costCenter": "urn:…:CustomExtensionName:2.0:User:costCenter"}}.
 * A PUT answers once every user of the directory carries the new values.
 */
@Singleton
@Path("directories/{directoryId}/attribute-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttributeMappingsResource {

    private final ProvisioningCore core;

    @Inject
    public AttributeMappingsResource(ProvisioningCore core) {
        this.core = core;
    }

    @GET
    public ObjectNode get(@PathParam("directoryId") String directoryId) {
        return core.attributeMappings().get(directoryId).asJson();
    }

    @PUT
    public ObjectNode replace(@PathParam("directoryId") String directoryId, JsonNode body) {
        JsonNode mapping = AdminRequests.required(body);
        if (!mapping.isObject()) {
            throw new ScimgateException(ErrorCode.INVALID_MAPPING,
                    "The body is a JSON object of custom attribute names and attribute paths, e.g. {\"jobTitle\": \"title\"}");
        }
        Map<String, String> paths = new LinkedHashMap<>();
        mapping.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual()) {
                throw new ScimgateException(ErrorCode.INVALID_ATTRIBUTE_PATH,
                        "The path of '" + field.getKey() + "' is a string such as \"title\" or \"name.givenName\"");
            }
            paths.put(field.getKey(), field.getValue().textValue());
        });
        return core.attributeMappings().replace(directoryId, paths).asJson();
    }
}
