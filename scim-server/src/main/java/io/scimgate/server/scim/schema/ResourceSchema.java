package io.scimgate.server.scim.schema;

import io.scimgate.server.scim.quirk.LegacySchemaUris;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.schema.ResourceType;
import org.apache.directory.scim.spec.schema.Schema;

/**
 * The schemas of one resource type: its core schema and the extensions the server declares, each
 * known by its RFC URN in any case and by the legacy URIs that stand for it. The schema objects are
 * read from SCIMple's registry when asked for, since registering a repository replaces them.
 */
public final class ResourceSchema {

    public static final String EXTENSION_NAMESPACE = "urn:ietf:params:scim:schemas:extension:";

    private final SchemaRegistry registry;
    private final String name;
    private final String endpoint;
    private final String coreUrn;
    private final List<String> extensionUrns;
    private final Map<String, String> canonicalByLowerUrn = new LinkedHashMap<>();
    private final List<String> urnsLongestFirst;

    private ResourceSchema(SchemaRegistry registry, String name, String endpoint, String coreUrn, List<String> extensionUrns) {
        this.registry = registry;
        this.name = name;
        this.endpoint = endpoint;
        this.coreUrn = coreUrn;
        this.extensionUrns = List.copyOf(extensionUrns);
        canonicalByLowerUrn.put(lower(coreUrn), coreUrn);
        LegacySchemaUris.CORE.forEach(legacy -> canonicalByLowerUrn.put(legacy, coreUrn));
        for (String extension : extensionUrns) {
            canonicalByLowerUrn.put(lower(extension), extension);
        }
        LegacySchemaUris.EXTENSIONS.forEach((legacy, urn) -> {
            if (extensionUrns.contains(urn)) {
                canonicalByLowerUrn.put(legacy, urn);
            }
        });
        List<String> urns = new ArrayList<>(canonicalByLowerUrn.keySet());
        urns.sort(Comparator.comparingInt(String::length).reversed());
        this.urnsLongestFirst = List.copyOf(urns);
    }

    /** The resource type named {@code resourceTypeName} in the registry, with the schemas it declares. */
    public static ResourceSchema of(SchemaRegistry registry, String resourceTypeName) {
        ResourceType type = registry.getResourceType(resourceTypeName);
        List<String> extensions = new ArrayList<>();
        if (type.getSchemaExtensions() != null) {
            type.getSchemaExtensions().forEach(extension -> extensions.add(extension.getSchemaUrn()));
        }
        return new ResourceSchema(registry, type.getName(), type.getEndpoint(), type.getSchemaUrn(), extensions);
    }

    /** The resource type's name, e.g. {@code User}. */
    public String name() {
        return name;
    }

    /** The endpoint, e.g. {@code /Users}. */
    public String endpoint() {
        return endpoint;
    }

    public Schema core() {
        return registry.getSchema(coreUrn);
    }

    /** The extensions this server declares for the resource type, in declaration order. */
    public Collection<Schema> extensions() {
        return extensionUrns.stream().map(registry::getSchema).toList();
    }

    /** The canonical URN of a declared schema that {@code urn} names (any case, or a legacy URI). */
    public Optional<String> declaredUrn(String urn) {
        return Optional.ofNullable(canonicalByLowerUrn.get(lower(urn)));
    }

    /** The declared schema of a canonical URN, or null. */
    public Schema schema(String canonicalUrn) {
        return coreUrn.equals(canonicalUrn) || extensionUrns.contains(canonicalUrn) ? registry.getSchema(canonicalUrn) : null;
    }

    /**
     * Whether {@code urn} may name an extension the server does not define: RFC 7643 §10.3 registers
     * extension schemas under {@value #EXTENSION_NAMESPACE}, where IdPs put their custom attributes.
     */
    public static boolean isExtensionNamespace(String urn) {
        return urn.regionMatches(true, 0, EXTENSION_NAMESPACE, 0, EXTENSION_NAMESPACE.length())
                && urn.length() > EXTENSION_NAMESPACE.length();
    }

    public boolean isCore(String canonicalUrn) {
        return coreUrn.equals(canonicalUrn);
    }

    /** Every URN a path may start with to name a declared schema, in lower case, longest first. */
    List<String> declaredUrnsLongestFirst() {
        return urnsLongestFirst;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
