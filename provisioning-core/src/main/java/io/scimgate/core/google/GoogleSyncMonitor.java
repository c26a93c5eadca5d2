package io.scimgate.core.google;

/**
 * What Google sync tells a monitor. {@code CoreMonitor} extends it; the sync is handed a safe one
 * (whatever it throws is logged, never failing the sync run).
 */
public interface GoogleSyncMonitor {

    /** A Google directory's sync run ended (succeeded, partial or failed). */
    default void googleSyncFinished(SyncRun run) {
    }
}
