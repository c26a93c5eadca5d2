package io.scimgate.server.scim.paging;

import io.scimgate.core.directory.query.InvalidQueryException;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.server.scim.ScimProblem;
import java.util.function.Supplier;

/** Runs a core directory query for a SCIM list, answering what the core refuses as the SCIM error of the same meaning. */
public final class DirectoryPages {

    private DirectoryPages() {
    }

    public static <T> ListPage<T> of(Supplier<ResultPage<T>> query) {
        ResultPage<T> page;
        try {
            page = query.get();
        } catch (InvalidQueryException e) {
            throw problem(e);
        }
        return new ListPage<>(page.items(), page.total(), page.startIndex(), page.nextCursor(), page.previousCursor());
    }

    static ScimProblem problem(InvalidQueryException e) {
        return switch (e.reason()) {
            case INVALID_FILTER -> ScimProblem.invalidFilter(e.getMessage());
            case INVALID_SORT -> ScimProblem.invalidValue(e.getMessage());
            case INVALID_CURSOR -> new ScimProblem(400, "invalidCursor", e.getMessage());
            case EXPIRED_CURSOR -> new ScimProblem(400, "expiredCursor", e.getMessage());
        };
    }
}
