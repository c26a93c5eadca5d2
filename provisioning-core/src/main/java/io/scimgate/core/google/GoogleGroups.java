package io.scimgate.core.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryGroupData;

/**
 * A Google group ({@code admin#directory#group}) as a directory group, keyed on its {@code id} as
 * externalId. Stored as a SCIM 2.0 Group document (members aside) with the Google record, exactly
 * as received, under the extension {@value #EXTENSION}.
 */
final class GoogleGroups {

    static final String EXTENSION = "urn:scimgate:params:scim:schemas:extension:google:2.0:Group";
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        ObjectNode scim = JSON.createObjectNode();
        scim.putArray("schemas").add(CORE).add(EXTENSION);
        scim.put("displayName", displayName).put("externalId", id(group));
        scim.set(EXTENSION, group);
        return new DirectoryGroupData(displayName, id(group), scim.toString());
    }
}
