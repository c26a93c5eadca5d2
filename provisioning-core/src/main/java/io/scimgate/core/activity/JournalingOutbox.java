package io.scimgate.core.activity;

import io.scimgate.core.InternalApi;
import io.scimgate.core.store.internal.Outbox;
import io.scimgate.core.store.PendingEvent;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The event outbox, which also tells the open {@link RequestJournal} of the writing thread what a
 * transaction changed, once it has committed (a rolled-back or retried attempt tells nothing).
 */
public final class JournalingOutbox implements Outbox {

    private final Outbox events;

    public JournalingOutbox(Outbox events) {
        this.events = events;
    }

    @Override
    @InternalApi
    public Runnable write(DSLContext dsl, List<PendingEvent> pending) {
        Runnable afterCommit = events.write(dsl, pending);
        RequestJournal journal = RequestJournal.current();
        if (journal == null || pending.isEmpty()) {
            return afterCommit;
        }
        List<PendingEvent> written = List.copyOf(pending);
        return () -> {
            RequestJournal.committed(journal, written);
            afterCommit.run();
        };
    }
}
