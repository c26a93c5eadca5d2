package io.scimgate.core.activity;

import io.scimgate.core.store.PendingEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What one request's committed transactions changed, collected on the thread that serves it. The
 * server opens a journal when a SCIM request arrives and closes it when the answer is ready; the
 * {@link JournalingOutbox} adds each transaction's events once it has committed. Nothing here
 * touches the store: the journal is memory the request already holds.
 */
public final class RequestJournal {

    private static final ThreadLocal<RequestJournal> CURRENT = new ThreadLocal<>();

    private final List<PendingEvent> committed = new ArrayList<>();

    private RequestJournal() {
    }

    /** Starts collecting on this thread, replacing a journal a previous request left open. */
    public static RequestJournal open() {
        RequestJournal journal = new RequestJournal();
        CURRENT.set(journal);
        return journal;
    }

    /** Stops collecting on this thread. */
    public static void close() {
        CURRENT.remove();
    }

    static void committed(RequestJournal journal, List<PendingEvent> events) {
        if (journal != null) {
            journal.committed.addAll(events);
        }
    }

    static RequestJournal current() {
        return CURRENT.get();
    }

    /** The events of every transaction that committed while this journal was open, in commit order. */
    public List<PendingEvent> changes() {
        return List.copyOf(committed);
    }
}
