package io.scimgate.server.scim.quirk;

import java.util.Map;
import java.util.Set;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;

/**
 * SCIM 1.x schema URIs in {@code schemas}, as attribute prefixes and as extension keys:
 * {@code urn:scim:schemas:core:1.0}, {@code urn:scim:schemas:core:2.0} (OneLogin's templates, Google's
 * catalog connector, which mixes them with the RFC URNs) and the enterprise extension's
 * {@code urn:scim:schemas:extension:enterprise:1.0}/{@code 2.0}. scimgate reads each as the RFC 7643
 * URN it stands for, everywhere a URN may appear (bodies, PATCH paths, filters, {@code attributes},
 * {@code sortBy}), and always writes the RFC URNs (IDP-QUIRKS.md §3.1, §8.1 and §10.7). URNs name
 * schemas, not dialects, so the resolver applies this for every directory.
 */
public final class LegacySchemaUris implements Quirk {

    public static final LegacySchemaUris INSTANCE = new LegacySchemaUris();

    /** URIs that stand for the core schema of the resource at hand (User or Group). */
    public static final Set<String> CORE = Set.of("urn:scim:schemas:core:1.0", "urn:scim:schemas:core:2.0");

    /** Extension URIs, by the RFC 7643 URN they stand for. */
    public static final Map<String, String> EXTENSIONS = Map.of(
            "urn:scim:schemas:extension:enterprise:1.0", EnterpriseExtension.URN,
            "urn:scim:schemas:extension:enterprise:2.0", EnterpriseExtension.URN);

    private LegacySchemaUris() {
    }

    @Override
    public String clients() {
        return "OneLogin (templates), Google Workspace catalog connectors";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §3.1, §8.1";
    }
}
