package io.scimgate.server.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * One route of the admin API as JAX-RS declares it: method, path template (below {@code /admin/v1}),
 * path and query parameters, request body type and Java method. Read from the resource classes by
 * reflection, so that a route added later is found without anyone listing it.
 */
public record AdminRoute(String method, String path, List<Param> pathParams, List<Param> queryParams, Type body,
        Method javaMethod) {

    /** A path or query parameter with its Java type and default value (or null). */
    public record Param(String name, Class<?> type, String defaultValue) {
    }

    /** {@code GET /organizations/{organizationId}}: how the route is named in the document's notes. */
    public String key() {
        return method + " " + path;
    }

    public Optional<Type> requestBody() {
        return Optional.ofNullable(body);
    }

    /** Every route of the given JAX-RS resource classes. */
    public static List<AdminRoute> of(Iterable<Class<?>> resourceClasses) {
        List<AdminRoute> routes = new ArrayList<>();
        for (Class<?> type : resourceClasses) {
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(type), "", routes);
            }
        }
        routes.sort(java.util.Comparator.comparing(AdminRoute::path).thenComparing(AdminRoute::method));
        return routes;
    }

    private static void collect(Resource resource, String parent, List<AdminRoute> routes) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            List<Param> pathParams = new ArrayList<>();
            List<Param> queryParams = new ArrayList<>();
            Type body = null;
            for (Parameter parameter : method.getInvocable().getParameters()) {
                switch (parameter.getSource()) {
                    case PATH -> pathParams.add(new Param(parameter.getSourceName(), parameter.getRawType(), null));
                    case QUERY -> queryParams.add(new Param(parameter.getSourceName(), parameter.getRawType(),
                            parameter.getDefaultValue()));
                    case ENTITY -> body = parameter.getType();
                    default -> {
                        // @Context values are no part of the request a client writes
                    }
                }
            }
            routes.add(new AdminRoute(method.getHttpMethod(), path, pathParams, queryParams, body,
                    method.getInvocable().getDefinitionMethod()));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
