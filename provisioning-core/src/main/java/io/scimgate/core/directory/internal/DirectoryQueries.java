package io.scimgate.core.directory.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.internal.DirectoryListing;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.query.AttributeCatalogue;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.ResultPage;

/**
 * Answers {@link DirectoryQuery}s on one resource type: the filter becomes a condition on the
 * catalogue's columns, the sort a key, and the pager reads the page.
 */
public final class DirectoryQueries<T> {

    private static final ColumnCatalogue USERS = UserColumns.catalogue();
    private static final ColumnCatalogue GROUPS = GroupColumns.catalogue();

    private final FilterConditions conditions;
    private final Pager<T> pager;

    private DirectoryQueries(ColumnCatalogue catalogue, Pager<T> pager) {
        this.conditions = new FilterConditions(catalogue);
        this.pager = pager;
    }

    public static DirectoryQueries<DirectoryUser> ofUsers(DirectoryListing<DirectoryUser> rows) {
        return new DirectoryQueries<>(USERS, new Pager<>(rows, DIRECTORY_USER.SEQ, DirectoryUser::seq));
    }

    public static DirectoryQueries<DirectoryGroup> ofGroups(DirectoryListing<DirectoryGroup> rows) {
        return new DirectoryQueries<>(GROUPS, new Pager<>(rows, DIRECTORY_GROUP.SEQ, DirectoryGroup::seq));
    }

    /** What users' filters and sorts may name. */
    public static AttributeCatalogue userAttributes() {
        return USERS.attributes();
    }

    /** What groups' filters and sorts may name. */
    public static AttributeCatalogue groupAttributes() {
        return GROUPS.attributes();
    }

    /** The page of the directory's resources that {@code query} asks for. */
    public ResultPage<T> page(String directoryId, DirectoryQuery query) {
        return pager.page(directoryId, conditions.toCondition(query.filter()), conditions.sortKey(query.sort()), query.paging(),
                query.fingerprint());
    }
}
