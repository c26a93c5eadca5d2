package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_TALLY;

import io.scimgate.core.directory.internal.DirectorySize;
import io.scimgate.core.store.internal.RenderedQuery;
import io.scimgate.core.store.internal.Tx;
import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Each directory's number of users, kept in the transaction that adds or removes one, so that an
 * unfiltered list answers totalResults without counting the directory (V82.3). The count is split
 * over {@link #STRIPES} rows, so that concurrent creates in one directory do not queue on one row
 * until they commit: a transaction leases a stripe of the directory that no other open transaction
 * of this instance holds ({@link StripeLeases}), keeps it for all its changes of the directory, and
 * gives it back when it ends. Transactions of other instances on the same store may lease the same
 * stripe; then one waits for the other's commit, as any two writers of one row do.
 */
final class DirectoryUserTally {

    /** As many as the V82.3 migration gives every existing directory. */
    static final int STRIPES = 8;
    /**
     * Every create and delete of a user runs it, and every change of sortable values (through
     * {@link #hold}): each also counts one change of the directory's order (V85), which index pages'
     * anchors are kept against (OrderAnchors).
     */
    private static final RenderedQuery CHANGE = RenderedQuery.of(DSL.update(DIRECTORY_USER_TALLY)
                    .set(DIRECTORY_USER_TALLY.USERS, DIRECTORY_USER_TALLY.USERS.plus(DSL.param("delta", Long.class)))
                    // Plain SQL: an inlined constant still counts among a template's parameters.
                    .set(DIRECTORY_USER_TALLY.CHANGES, DSL.field("{0} + 1", Long.class, DIRECTORY_USER_TALLY.CHANGES))
                    .where(DIRECTORY_USER_TALLY.DIRECTORY_ID.eq(DSL.param("directoryId", String.class)),
                            DIRECTORY_USER_TALLY.STRIPE.eq(DSL.param("stripe", Integer.class))),
            "delta", "directoryId", "stripe");

    /** Every unfiltered list page reads it (BENCHMARKS.md, eighth pass: rendered once, not per page). */
    private static final RenderedQuery SIZE = RenderedQuery.of(DSL.select(DSL.sum(DIRECTORY_USER_TALLY.USERS),
                    DSL.sum(DIRECTORY_USER_TALLY.CHANGES))
            .from(DIRECTORY_USER_TALLY)
            .where(DIRECTORY_USER_TALLY.DIRECTORY_ID.eq(DSL.param("directoryId", String.class))), "directoryId");

    /** This instance's leases: every core of the process shares them (directory ids are unique across stores). */
    private static final StripeLeases LEASES = new StripeLeases(STRIPES);

    /** What a transaction holds a directory's stripe under. */
    private record Lease(String directoryId) {
    }

    private DirectoryUserTally() {
    }

    /** The stripes of a new directory, all at zero. */
    static void open(DSLContext dsl, String directoryId) {
        var insert = dsl.insertInto(DIRECTORY_USER_TALLY, DIRECTORY_USER_TALLY.DIRECTORY_ID, DIRECTORY_USER_TALLY.STRIPE,
                DIRECTORY_USER_TALLY.USERS);
        IntStream.range(0, STRIPES).forEach(stripe -> insert.values(directoryId, stripe, 0L));
        insert.execute();
    }

    static void added(Tx tx, String directoryId) {
        change(tx, directoryId, 1);
    }

    static void removed(Tx tx, String directoryId) {
        change(tx, directoryId, -1);
    }

    /**
     * Holds the transaction's stripe until the transaction ends, changing nothing: a change of sortable
     * values takes its history position only after this, so that {@link #awaitHolders} also waits
     * for it (SortHistory). Taken last, after every row lock of the transaction, as {@link #added} is.
     */
    static void hold(Tx tx, String directoryId) {
        change(tx, directoryId, 0);
    }

    /** Waits until no transaction holds a stripe of the directory that it took before this call. */
    static void awaitHolders(DSLContext dsl, String directoryId) {
        dsl.select(DIRECTORY_USER_TALLY.STRIPE)
                .from(DIRECTORY_USER_TALLY)
                .where(DIRECTORY_USER_TALLY.DIRECTORY_ID.eq(directoryId))
                .forUpdate()
                .fetch();
    }

    /** The directory's number of users and how many times its order may have changed, as of one moment. */
    static DirectorySize size(DSLContext dsl, String directoryId) {
        var sums = SIZE.fetch(dsl, directoryId).get(0);
        BigDecimal users = sums.get(0, BigDecimal.class);
        BigDecimal changes = sums.get(1, BigDecimal.class);
        return new DirectorySize(users == null ? 0 : users.intValueExact(), changes == null ? 0 : changes.longValueExact());
    }

    private static void change(Tx tx, String directoryId, long delta) {
        DSLContext dsl = tx.dsl();
        int stripe = tx.hold(new Lease(directoryId), () -> LEASES.take(directoryId),
                taken -> LEASES.giveBack(directoryId, taken)).number();
        int changed = CHANGE.execute(dsl, delta, directoryId, stripe);
        if (changed == 0) {
            // Every directory has its stripes (Directories.create, V82.3); were one missing, it is made
            // rather than the change lost.
            dsl.insertInto(DIRECTORY_USER_TALLY)
                    .set(DIRECTORY_USER_TALLY.DIRECTORY_ID, directoryId)
                    .set(DIRECTORY_USER_TALLY.STRIPE, stripe)
                    .set(DIRECTORY_USER_TALLY.USERS, delta)
                    .set(DIRECTORY_USER_TALLY.CHANGES, 1L)
                    .onConflict(DIRECTORY_USER_TALLY.DIRECTORY_ID, DIRECTORY_USER_TALLY.STRIPE)
                    .doUpdate()
                    .set(DIRECTORY_USER_TALLY.USERS, DIRECTORY_USER_TALLY.USERS.plus(delta))
                    .set(DIRECTORY_USER_TALLY.CHANGES, DIRECTORY_USER_TALLY.CHANGES.plus(1L))
                    .execute();
        }
    }
}
