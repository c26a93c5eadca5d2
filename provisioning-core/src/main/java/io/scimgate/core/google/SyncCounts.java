package io.scimgate.core.google;

import io.scimgate.core.ScimgateException;
import java.util.ArrayList;
import java.util.List;

/** What one run changed so far, and the records it could not apply. */
final class SyncCounts {

    private static final int FAILURES_SHOWN = 5;

    int usersCreated;
    int usersUpdated;
    int usersDeactivated;
    int usersDeleted;
    int groupsCreated;
    int groupsUpdated;
    int groupsDeleted;
    /** Pages of groups, group members and users read from the Admin SDK so far. */
    int pagesFetched;
    private final List<String> failures = new ArrayList<>();

    void pageFetched() {
        pagesFetched++;
    }

    /** Directory users created, updated, deactivated or deleted so far. */
    int usersWritten() {
        return usersCreated + usersUpdated + usersDeactivated + usersDeleted;
    }

    void failed(String what) {
        failures.add(what);
    }

    /** A delete that found nothing to delete is no failure: someone else removed it first. */
    void failedUnlessGone(ScimgateException e, String what) {
        if (e.kind() != ScimgateException.Kind.NOT_FOUND) {
            failed(what + ": " + e.getMessage());
        }
    }

    int recordsFailed() {
        return failures.size();
    }

    /** The first few failures, for the run history; null when there were none. */
    String failureSummary() {
        if (failures.isEmpty()) {
            return null;
        }
        String shown = String.join("; ", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())));
        int more = failures.size() - FAILURES_SHOWN;
        return failures.size() + " record(s) not applied: " + shown + (more > 0 ? "; and " + more + " more" : "");
    }
}
