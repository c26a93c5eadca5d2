package io.scimgate.core.directory.internal;

import static io.scimgate.core.directory.internal.FilterableColumn.dateTime;
import static io.scimgate.core.directory.internal.FilterableColumn.exactString;
import static io.scimgate.core.directory.internal.FilterableColumn.keyedString;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;

import io.scimgate.core.directory.DirectoryGroups;
import java.util.List;
import java.util.Map;

/** The Group attributes that filters and sorting may use; members are matched through the membership rows. */
final class GroupColumns {

    private GroupColumns() {
    }

    static ColumnCatalogue catalogue() {
        List<FilterableColumn> columns = List.of(
                exactString("id", DIRECTORY_GROUP.ID),
                exactString("externalId", DIRECTORY_GROUP.EXTERNAL_ID),
                keyedString("displayName", DIRECTORY_GROUP.DISPLAY_NAME, DIRECTORY_GROUP.DISPLAY_NAME_KEY, DirectoryGroups::key),
                exactString("members.value", DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                        .onRows("members", DirectoryGroupRows::hasMember, null),
                dateTime("meta.created", DIRECTORY_GROUP.CREATED_AT),
                dateTime("meta.lastModified", DIRECTORY_GROUP.UPDATED_AT));
        return new ColumnCatalogue(columns, Map.of("members", "value"));
    }
}
