package io.scimgate.core.store.internal;

import java.sql.SQLException;
import java.util.Locale;
import org.jooq.exception.DataAccessException;

/**
 * Recognises which unique constraint a failed write ran into. H2 and PostgreSQL both report
 * SQLSTATE 23505 and name the constraint (H2 through its index name) in the message.
 */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    public static boolean isUniqueViolation(DataAccessException e, String constraintName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                return message.contains(constraintName.toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }
}
