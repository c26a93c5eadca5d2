package io.scimgate.core.activity;

import io.scimgate.core.activity.internal.JournalingOutbox;
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

    private final List<PendingEvent> committed = new ArrayList<>();

    private RequestJournal() {
    }

    /** Starts collecting on this thread, replacing a journal a previous request left open. */
    public static RequestJournal open() {
        RequestJournal journal = new RequestJournal();
        JournalingOutbox.collectOnThisThread(journal.committed);
        return journal;
    }

    /** Stops collecting on this thread. */
    public static void close() {
        JournalingOutbox.stopCollectingOnThisThread();
    }

    /** The events of every transaction that committed while this journal was open, in commit order. */
    public List<PendingEvent> changes() {
        return List.copyOf(committed);
    }
}
