package io.scimgate.core.testing;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_TALLY;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Large directories for paging tests and tools, written by the store directly (no events, no provisioning). */
public final class SeededUsers {

    private SeededUsers() {
    }

    /**
     * {@code count} more users copied from {@code template}, in one statement (creating thousands one
     * by one takes most of a minute on PostgreSQL), their userNames in an order other than their
     * creation's, and the kept count set to match.
     */
    public static void copies(DSLContext dsl, String directoryId, String template, int count) {
        var users = DIRECTORY_USER;
        var numbers = DSL.table("(SELECT x AS n FROM {0}) numbers",
                dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES
                        ? DSL.table("generate_series(1, {0}) AS g(x)", DSL.inline(count))
                        : DSL.table("SYSTEM_RANGE(1, {0}) AS g(x)", DSL.inline(count)));
        var n = DSL.field(DSL.name("numbers", "n"), Integer.class);
        // 7919 is a prime that no seeded count here divides: n × 7919 mod (count + 1) is a permutation of 1..count.
        var name = DSL.concat(DSL.inline("u"), n.mul(7919).mod(count + 1).cast(String.class), DSL.inline("@acme.example"));
        var fields = users.fields();
        List<org.jooq.Field<?>> columns = new java.util.ArrayList<>();
        List<org.jooq.Field<?>> values = new java.util.ArrayList<>();
        for (var field : fields) {
            if (field.equals(users.SEQ)) {
                continue;
            }
            columns.add(field);
            if (field.equals(users.ID)) {
                values.add(DSL.concat(DSL.inline("seeded-"), n.cast(String.class)));
            } else if (field.equals(users.USER_NAME) || field.equals(users.USER_NAME_KEY)) {
                values.add(name);
            } else if (field.equals(users.PROVISIONED_USER_ID) || field.equals(users.USER_ID) || field.equals(users.EXTERNAL_ID)) {
                values.add(DSL.inline((String) null));
            } else {
                values.add(field);
            }
        }
        dsl.insertInto(users).columns(columns)
                .select(DSL.select(values).from(users).crossJoin(numbers).where(users.ID.eq(template)).orderBy(n))
                .execute();
        dsl.update(DIRECTORY_USER_TALLY)
                .set(DIRECTORY_USER_TALLY.USERS, DSL.when(DIRECTORY_USER_TALLY.STRIPE.eq(0), (long) count + 1).otherwise(0L))
                .where(DIRECTORY_USER_TALLY.DIRECTORY_ID.eq(directoryId))
                .execute();
    }

}
