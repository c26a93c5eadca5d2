package io.scimgate.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** One open transaction: its SQL context and the events it will commit together with its changes. */
public final class Tx {

    private final DSLContext dsl;
    private final List<PendingEvent> events = new ArrayList<>();

    Tx(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public void emit(String type, String organizationId, String directoryId, ObjectNode data) {
        events.add(new PendingEvent(type, organizationId, directoryId, data));
    }

    List<PendingEvent> events() {
        return List.copyOf(events);
    }
}
