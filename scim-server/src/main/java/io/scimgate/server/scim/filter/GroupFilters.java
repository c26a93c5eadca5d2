package io.scimgate.server.scim.filter;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.server.scim.filter.FilterableAttribute.dateTime;
import static io.scimgate.server.scim.filter.FilterableAttribute.exactString;
import static io.scimgate.server.scim.filter.FilterableAttribute.keyedString;

import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.server.scim.schema.SchemaPaths;
import java.util.List;
import java.util.Map;

/** The Group attributes that filters and sorting may use; members are matched through the membership rows. */
public final class GroupFilters {

    private GroupFilters() {
    }

    public static FilterTranslator translator(SchemaPaths paths) {
        List<FilterableAttribute> attributes = List.of(
                exactString("id", DIRECTORY_GROUP.ID),
                exactString("externalId", DIRECTORY_GROUP.EXTERNAL_ID),
                keyedString("displayName", DIRECTORY_GROUP.DISPLAY_NAME, DIRECTORY_GROUP.DISPLAY_NAME_KEY, DirectoryGroups::key),
                exactString("members.value", DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                        .onRows("members", DirectoryGroups::hasMember, null),
                dateTime("meta.created", DIRECTORY_GROUP.CREATED_AT),
                dateTime("meta.lastModified", DIRECTORY_GROUP.UPDATED_AT));
        return new FilterTranslator(paths, attributes, Map.of("members", "value"));
    }
}
