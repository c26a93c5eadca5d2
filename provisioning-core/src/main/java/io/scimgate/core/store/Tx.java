package io.scimgate.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * One open transaction: its SQL context, the events it will commit together with its changes,
 * and what to do once it has committed (never if it rolls back).
 */
public final class Tx {

    private final DSLContext dsl;
    private final List<PendingEvent> events = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    Tx(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public void emit(String type, String organizationId, String directoryId, ObjectNode data) {
        events.add(new PendingEvent(type, organizationId, directoryId, data));
    }

    /** Runs {@code action} after the transaction committed, for effects outside the store (mail, sessions). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /**
     * Runs {@code statement} under a savepoint: if the database refuses it (a unique constraint lost
     * to a concurrent writer, say), the transaction goes on as if it had not been tried.
     *
     * @return the statement's result, or null when it was refused with a unique violation of {@code constraint}
     */
    public <T> T attempt(String constraint, Supplier<T> statement) {
        try {
            return dsl.transactionResult(nested -> statement.get());
        } catch (DataAccessException e) {
            if (Constraints.isUniqueViolation(e, constraint)) {
                return null;
            }
            throw e;
        }
    }

    List<PendingEvent> events() {
        return List.copyOf(events);
    }

    List<Runnable> afterCommitActions() {
        return List.copyOf(afterCommit);
    }
}
