package io.scimgate.server.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider of each directory that authenticated a SCIM request on this instance, so that
 * lines and metrics written off the request's thread can name it without asking the store.
 * Bounded by the number of directories.
 */
public final class DirectoryProviders {

    public static final String UNKNOWN = "unknown";

    private final Map<String, String> providers = new ConcurrentHashMap<>();

    void seen(String directoryId, String provider) {
        if (!provider.equals(providers.get(directoryId))) {
            providers.put(directoryId, provider);
        }
    }

    public String of(String directoryId) {
        return providers.getOrDefault(directoryId, UNKNOWN);
    }
}
