package io.scimgate.core;

import io.scimgate.core.store.internal.Database;

/**
 * What tests may reach that a host application may not: the store under a {@link ProvisioningCore},
 * to seed rows or check what was written. Lives in the test fixtures, never in the published jar.
 */
public final class CoreInternals {

    private CoreInternals() {
    }

    public static Database database(ProvisioningCore core) {
        return core.database();
    }
}
