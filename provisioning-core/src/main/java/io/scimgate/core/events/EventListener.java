package io.scimgate.core.events;

/**
 * Called in-process for every event after its transaction committed, in id order for one
 * transaction. A listener that throws is logged and does not affect the change or other listeners.
 */
@FunctionalInterface
public interface EventListener {

    void onEvent(Event event);
}
