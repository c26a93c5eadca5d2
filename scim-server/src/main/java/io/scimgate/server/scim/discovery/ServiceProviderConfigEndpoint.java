package io.scimgate.server.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimResources;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.server.rest.EtagGenerator;
import org.apache.directory.scim.server.rest.ServiceProviderConfigResourceImpl;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.bulk.BulkLimits;
import io.scimgate.core.directory.SortHistory;
import io.scimgate.server.scim.paging.PageSpec;
import io.scimgate.server.scim.patch.PatchNormalizer;

/**
 * SCIMple's {@code /ServiceProviderConfig} (RFC 7643 §5), saying only what this server does: PATCH
 * (with its limit of operations per request, {@code patch.maxOperations}, beyond the RFC's fields), bulk
 * with its enforced limits, filters with their page limit, sorting, ETags, index and cursor paging
 * (RFC 9865 §4), bearer tokens; no password change. Built per request, so no request ever sees
 * another's {@code meta}.
 */
public class ServiceProviderConfigEndpoint extends ServiceProviderConfigResourceImpl {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private final ObjectMapper json;

    @Inject
    public ServiceProviderConfigEndpoint(ServerConfiguration configuration, EtagGenerator etags, ScimResources resources) {
        super(configuration, etags);
        this.json = resources.json();
    }

    /** SCIMple M1's configuration type has no pagination and cannot say that bulk is limited: answered here. */
    @Override
    public Response getServiceProviderConfiguration(UriInfo uriInfo) {
        return Response.ok(document()).build();
    }

    private ObjectNode document() {
        ObjectNode config = json.createObjectNode();
        config.putArray("schemas").add(SCHEMA);
        config.putObject("patch").put("supported", true).put("maxOperations", PatchNormalizer.MAX_OPERATIONS);
        config.putObject("bulk").put("supported", true)
                .put("maxOperations", BulkLimits.MAX_OPERATIONS)
                .put("maxPayloadSize", BulkLimits.MAX_PAYLOAD_BYTES);
        config.putObject("filter").put("supported", true).put("maxResults", PageSpec.MAX_RESULTS);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        config.putObject("pagination")
                .put("cursor", true)
                .put("index", true)
                .put("defaultPaginationMethod", "index")
                .put("defaultPageSize", PageSpec.DEFAULT_PAGE_SIZE)
                .put("maxPageSize", PageSpec.MAX_RESULTS)
                .put("cursorTimeout", SortHistory.CURSOR_LIFETIME.toSeconds());
        config.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "The bearer token issued for this directory, sent as Authorization: Bearer <token>")
                .put("specUri", "https://www.rfc-editor.org/info/rfc6750")
                .put("primary", true);
        config.putObject("meta")
                .put("resourceType", "ServiceProviderConfig")
                .put("location", ScimRequest.current().baseUrl() + "/ServiceProviderConfig");
        return config;
    }
}
