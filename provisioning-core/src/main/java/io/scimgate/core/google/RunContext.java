package io.scimgate.core.google;

import org.jooq.DSLContext;

/**
 * What every part of one sync run shares: the directory, the tally, the checkpoint to pass between
 * writes (keeps the lease alive, honours a stop request) and the store for plain reads.
 */
record RunContext(String directoryId, SyncCounts counts, Runnable checkpoint, DSLContext read) {
}
