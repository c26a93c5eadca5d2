package io.scimgate.core.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the filter and sort keys get the {@code "C"} collation, so that one index per key
 * serves equality, prefixes ({@code LIKE 'x%'}) and the code-point order that comparisons and
 * sorting use on both stores ({@code CodePointOrder} in scim-server). Under the database's own
 * collation an index serves neither {@code ORDER BY key COLLATE "C"} nor {@code LIKE}, so every
 * {@code sortBy} page sorted the whole directory. Equality does not change: every collation involved
 * is deterministic. H2 compares strings by code point already; nothing changes there.
 */
public class V82_1__code_point_collation_on_postgresql extends BaseJavaMigration {

    private static final List<String> CODE_POINT_COLUMNS = List.of(
            "directory_user.user_name_key",
            "directory_user.external_id",
            "directory_user.display_name_key",
            "directory_user.given_name_key",
            "directory_user.family_name_key",
            "directory_user.title_key",
            "directory_user.employee_number_key",
            "directory_user.department_key",
            "directory_user_email.email_key",
            "directory_group.display_name_key",
            "directory_group.external_id");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String qualified : CODE_POINT_COLUMNS) {
                String[] tableAndColumn = qualified.split("\\.");
                statement.execute("ALTER TABLE " + tableAndColumn[0] + " ALTER COLUMN " + tableAndColumn[1]
                        + " TYPE VARCHAR(512) COLLATE \"C\"");
            }
        }
    }
}
