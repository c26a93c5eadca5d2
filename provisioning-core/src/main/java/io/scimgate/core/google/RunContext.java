package io.scimgate.core.google;

/**
 * What every part of one sync run shares: the directory, the tally, the checkpoint to pass between
 * writes (keeps the lease alive, honours a stop request), and
 * {@code reportProgress}, which writes the tally so far on the run's row for operators to watch.
 */
record RunContext(String directoryId, SyncCounts counts, Runnable checkpoint, Runnable reportProgress) {
}
