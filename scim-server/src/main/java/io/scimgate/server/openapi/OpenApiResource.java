package io.scimgate.server.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/** {@code GET /admin/v1/openapi.json}: the admin API described in OpenAPI 3.1, built once at start. */
@Singleton
@Path("openapi.json")
public class OpenApiResource {

    /** The document served, built when the application is assembled. */
    record Document(ObjectNode json) {
    }

    private final Document document;

    @Inject
    public OpenApiResource(Document document) {
        this.document = document;
    }

    /** Adds the document of every resource {@code admin} serves (itself included) to {@code admin}. */
    public static ResourceConfig addTo(ResourceConfig admin) {
        List<Class<?>> resources = new ArrayList<>(admin.getClasses());
        resources.add(OpenApiResource.class);
        Document document = new Document(AdminApiDocument.buildLeniently(AdminRoute.of(resources)));
        return admin.register(OpenApiResource.class).register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(document).to(Document.class);
            }
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return document.json();
    }
}
