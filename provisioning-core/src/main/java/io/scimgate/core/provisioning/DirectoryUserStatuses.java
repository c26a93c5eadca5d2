package io.scimgate.core.provisioning;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import io.scimgate.core.directory.internal.DirectoryUserRows;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.InListShapes;
import io.scimgate.core.store.schema.tables.records.DirectoryUserRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Directory users with their provisioning state, for operators (why is this person not in the app?). */
public final class DirectoryUserStatuses {

    public static final int MAX_PAGE = 100;
    private static final InListShapes BY_IDS = new InListShapes(DIRECTORY_USER.ID.getDataType(),
            ids -> DSL.selectFrom(DIRECTORY_USER).where(DIRECTORY_USER.ID.in(ids)));

    private final Database database;

    public DirectoryUserStatuses(Database database) {
        this.database = database;
    }

    public record Entry(DirectoryUser user, ProvisioningStatus status) {
    }

    /** The users of a directory in creation order, after the user {@code afterId} (null to start). */
    public List<Entry> list(String directoryId, String afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ScimgateException(ErrorCode.INVALID_LIMIT, "limit must be between 1 and " + MAX_PAGE);
        }
        DSLContext dsl = database.dsl();
        Condition where = DIRECTORY_USER.DIRECTORY_ID.eq(directoryId);
        if (afterId != null && !afterId.isBlank()) {
            Long afterSeq = dsl.select(DIRECTORY_USER.SEQ).from(DIRECTORY_USER)
                    .where(DIRECTORY_USER.ID.eq(afterId), DIRECTORY_USER.DIRECTORY_ID.eq(directoryId))
                    .fetchOne(DIRECTORY_USER.SEQ);
            if (afterSeq == null) {
                throw new ScimgateException(ErrorCode.INVALID_CURSOR, "after must be the id of a user of this directory");
            }
            where = where.and(DIRECTORY_USER.SEQ.gt(afterSeq));
        }
        return dsl.selectFrom(DIRECTORY_USER).where(where).orderBy(DIRECTORY_USER.SEQ).limit(limit)
                .fetch(DirectoryUserStatuses::toEntry);
    }

    public Optional<Entry> find(String directoryId, String directoryUserId) {
        return Optional.ofNullable(findAll(Map.of(directoryUserId, directoryId)).get(directoryUserId));
    }

    /**
     * The directory users asked for, by id, each only if it belongs to the directory given with it
     * (P5); ids not found are left out.
     *
     * <p>Read by primary key alone, the directory compared here: given {@code id = ? AND directory_id = ?},
     * PostgreSQL walks one of the many {@code (directory_id, …)} indexes instead whenever its
     * statistics predate the directory's users (a directory filled since the last ANALYZE is
     * estimated at one row, and those indexes follow the table's order): every user of the
     * directory read to find one (BENCHMARKS.md, sixth pass).
     *
     * @param directoryOfUser directory user id to the id of its directory
     */
    public Map<String, Entry> findAll(Map<String, String> directoryOfUser) {
        Map<String, Entry> found = new HashMap<>();
        DSLContext dsl = database.dsl();
        BY_IDS.run(List.copyOf(directoryOfUser.keySet()), (select, ids) -> select.fetch(dsl, DIRECTORY_USER, ids))
                .forEach(rows -> rows.forEach(row -> {
                    if (row.getDirectoryId().equals(directoryOfUser.get(row.getId()))) {
                        found.put(row.getId(), toEntry(row));
                    }
                }));
        return found;
    }

    private static Entry toEntry(DirectoryUserRecord row) {
        return new Entry(DirectoryUserRows.toUser(row), new ProvisioningStatus(row.getId(),
                ProvisioningState.fromSlug(row.getProvisioningState()), row.getProvisioningDetail(), row.getUserId()));
    }
}
