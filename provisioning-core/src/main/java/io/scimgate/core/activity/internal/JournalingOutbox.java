package io.scimgate.core.activity.internal;

import io.scimgate.core.store.PendingEvent;
import io.scimgate.core.store.internal.Outbox;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The event outbox, which also tells the open {@link io.scimgate.core.activity.RequestJournal} of
 * the writing thread what a transaction changed, once it has committed (a rolled-back or retried
 * attempt tells nothing).
 */
public final class JournalingOutbox implements Outbox {

    private static final ThreadLocal<List<PendingEvent>> OPEN_JOURNAL = new ThreadLocal<>();

    private final Outbox events;

    public JournalingOutbox(Outbox events) {
        this.events = events;
    }

    /** Collects the events this thread's transactions commit into {@code journal}, replacing a journal left open. */
    public static void collectOnThisThread(List<PendingEvent> journal) {
        OPEN_JOURNAL.set(journal);
    }

    /** Stops collecting on this thread. */
    public static void stopCollectingOnThisThread() {
        OPEN_JOURNAL.remove();
    }

    @Override
    public Runnable write(DSLContext dsl, List<PendingEvent> pending) {
        Runnable afterCommit = events.write(dsl, pending);
        List<PendingEvent> journal = OPEN_JOURNAL.get();
        if (journal == null || pending.isEmpty()) {
            return afterCommit;
        }
        List<PendingEvent> written = List.copyOf(pending);
        return () -> {
            journal.addAll(written);
            afterCommit.run();
        };
    }
}
