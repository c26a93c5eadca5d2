package io.scimgate.core.directory;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.internal.DirectoryListing;

/** For tests: the jOOQ-level listings behind the directory services, which are not part of the API. */
public final class DirectoryListings {

    private DirectoryListings() {
    }

    public static DirectoryListing<DirectoryUser> users(ProvisioningCore core) {
        return core.directoryUsers().listing();
    }

    public static DirectoryListing<DirectoryGroup> groups(ProvisioningCore core) {
        return core.directoryGroups().listing();
    }
}
