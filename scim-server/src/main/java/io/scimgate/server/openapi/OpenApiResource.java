package io.scimgate.server.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/** {@code GET /admin/v1/openapi.json}: the admin API described in OpenAPI 3.1, built once at start. */
@Path("openapi.json")
public final class OpenApiResource {

    private final ObjectNode document;

    private OpenApiResource(ObjectNode document) {
        this.document = document;
    }

    /** Adds the document of every resource {@code admin} serves (itself included) to {@code admin}. */
    public static ResourceConfig addTo(ResourceConfig admin) {
        List<Class<?>> resources = new ArrayList<>(admin.getClasses());
        resources.add(OpenApiResource.class);
        return admin.register(new OpenApiResource(AdminApiDocument.buildLeniently(AdminRoute.of(resources))));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return document;
    }
}
