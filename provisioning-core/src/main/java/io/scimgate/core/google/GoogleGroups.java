package io.scimgate.core.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryGroupData;

/** A Google group ({@code admin#directory#group}) as a directory group, keyed on its {@code id} as externalId. */
final class GoogleGroups {

    private GoogleGroups() {
    }

    static String id(ObjectNode group) {
        return GoogleUsers.text(group, "id");
    }

    static String email(ObjectNode group) {
        return GoogleUsers.text(group, "email");
    }

    static DirectoryGroupData toDirectoryGroup(ObjectNode group) {
        String name = GoogleUsers.text(group, "name");
        String displayName = name != null ? name : email(group) != null ? email(group) : id(group);
        return new DirectoryGroupData(displayName, id(group), group.toString());
    }
}
