package io.scimgate.core.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.store.PendingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.SQLDialect;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * One open transaction: its SQL context, the events it will commit together with its changes,
 * and what to do once it has committed (never if it rolls back).
 */
public final class Tx {

    private final DSLContext dsl;
    private final Consumer<String> tenantChanged;
    private final List<PendingEvent> events = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<Object, Object> held = new HashMap<>();
    private final List<Runnable> whenEnded = new ArrayList<>();

    Tx(DSLContext dsl, Consumer<String> tenantChanged) {
        this.dsl = dsl;
        this.tenantChanged = tenantChanged;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public void emit(String type, String organizationId, String directoryId, ObjectNode data) {
        events.add(new PendingEvent(type, organizationId, Set.of(), directoryId, data));
    }

    /**
     * Emits an event about {@code organizationId} that also belongs to the feeds of {@code alsoFor}
     * (RULES.md P25), e.g. a change of a person seen by every organization the person belongs to.
     */
    public void emit(String type, String organizationId, Collection<String> alsoFor, String directoryId,
            ObjectNode data) {
        Set<String> audience = new LinkedHashSet<>(alsoFor);
        audience.remove(organizationId);
        audience.remove(null);
        events.add(new PendingEvent(type, organizationId, audience, directoryId, data));
    }

    /**
     * Says that this transaction changes what requests of an organization (or of one directory)
     * rely on: its verified domains, role mapping or settings, or the directory itself. Once it has
     * committed, this instance's next request reads them afresh ({@code TenantCache}).
     */
    public void tenantChanged(String organizationOrDirectoryId) {
        afterCommit.add(0, () -> tenantChanged.accept(organizationOrDirectoryId));
    }

    /** Runs {@code action} after the transaction committed, for effects outside the store (mail, sessions). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /**
     * What this transaction holds under {@code key} until it ends, taken by {@code take} on the first
     * ask; {@code giveBack} runs when the transaction has ended, committed or rolled back.
     */
    public <T> T hold(Object key, Supplier<T> take, Consumer<T> giveBack) {
        @SuppressWarnings("unchecked")
        T value = (T) held.get(key);
        if (value == null) {
            value = take.get();
            held.put(key, value);
            T taken = value;
            whenEnded.add(() -> giveBack.accept(taken));
        }
        return value;
    }

    /**
     * Runs {@code statement}, which may lose a race on a unique constraint to a concurrent writer.
     * Without a savepoint (one round trip less): on H2 a refused statement is undone alone and the
     * transaction goes on as if it had not been tried; on PostgreSQL, where it aborts the transaction,
     * the whole transaction runs again ({@link RetryableConflict}) and then finds the winner's row.
     *
     * @return the statement's result, or null when it was refused with a unique violation of {@code constraint}
     */
    public <T> T attempt(String constraint, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException e) {
            if (!Constraints.isUniqueViolation(e, constraint)) {
                throw e;
            }
            if (dsl.dialect().family() == SQLDialect.H2) {
                return null; // H2 undoes the failed statement alone; the transaction goes on
            }
            // PostgreSQL aborts the whole transaction; the winner has committed, so a new run sees it.
            throw new RetryableConflict("lost a race on " + constraint + "; running the transaction again");
        }
    }

    List<PendingEvent> events() {
        return List.copyOf(events);
    }

    /** Gives back what {@link #hold} took; run once the transaction has ended, however it ended. */
    void ended() {
        whenEnded.forEach(Runnable::run);
        whenEnded.clear();
        held.clear();
    }

    List<Runnable> afterCommitActions() {
        return List.copyOf(afterCommit);
    }
}
