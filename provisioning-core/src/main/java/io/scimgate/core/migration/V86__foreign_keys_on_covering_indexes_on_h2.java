package io.scimgate.core.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, two foreign keys of {@code organization_membership} stop keeping B-trees of their own. H2
 * gives a foreign key an index of its own when no index on exactly its columns exists at the moment
 * it is declared, and keeps it when such an index comes later: {@code organization_membership_user_fk}
 * and {@code organization_membership_role_fk} each had a copy of {@code organization_membership_user_ix}
 * and {@code organization_membership_role_ix}. Every membership insert wrote both copies, and every
 * commit wrote their touched pages ({@code WRITE_DELAY=0}); no query needs two (BENCHMARKS.md, fifth
 * pass). Declared again, each key uses the index on its columns and its copy goes with the old
 * declaration. H2 2.x gives a foreign key only an index of exactly its columns, so the single-column
 * keys whose index leads a wider one ({@code directory_user.directory_id}, the email rows' and the
 * tally's) keep theirs. Nothing changes on PostgreSQL, which never indexes a foreign key by itself.
 */
public class V86__foreign_keys_on_covering_indexes_on_h2 extends BaseJavaMigration {

    /** Table, constraint, and the declaration after {@code ADD CONSTRAINT <name>}, as first declared. */
    private record ForeignKey(String table, String name, String declaration) {
    }

    private static final List<ForeignKey> FOREIGN_KEYS = List.of(
            new ForeignKey("organization_membership", "organization_membership_user_fk",
                    "FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE"),
            new ForeignKey("organization_membership", "organization_membership_role_fk",
                    "FOREIGN KEY (organization_id, role) REFERENCES organization_role (organization_id, slug)"));

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : FOREIGN_KEYS) {
                statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + key.name());
                statement.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " " + key.declaration());
            }
        }
    }
}
