package io.scimgate.core.google;

import org.jooq.DSLContext;

/**
 * What every part of one sync run shares: the directory, the tally, the checkpoint to pass between
 * writes (keeps the lease alive, honours a stop request), the store for plain reads, and
 * {@code reportProgress}, which writes the tally so far on the run's row for operators to watch.
 */
record RunContext(String directoryId, SyncCounts counts, Runnable checkpoint, DSLContext read, Runnable reportProgress) {
}
