package io.scimgate.core.store.internal;

import io.scimgate.core.store.PendingEvent;
import java.util.List;
import org.jooq.DSLContext;

/** Writes a transaction's events as its last statements, and says what to do once it has committed. */
public interface Outbox {

    Outbox NONE = (dsl, events) -> () -> { };

    /** @return what to run after commit (for example, calling in-process listeners) */
    Runnable write(DSLContext dsl, List<PendingEvent> events);
}
