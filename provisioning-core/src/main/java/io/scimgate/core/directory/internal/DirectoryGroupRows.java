package io.scimgate.core.directory.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;

import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Conditions on directory group rows for the column catalogue. */
public final class DirectoryGroupRows {

    private DirectoryGroupRows() {
    }

    /** A condition on a group's member rows: matches groups having a member that satisfies it. */
    public static Condition hasMember(Condition onMemberRow) {
        return DSL.exists(DSL.selectOne()
                .from(DIRECTORY_GROUP_MEMBER)
                .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(DIRECTORY_GROUP.ID))
                .and(onMemberRow));
    }
}
