package io.scimgate.core.directory.internal;

import org.jooq.Context;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;

/**
 * A string compared and sorted by code point, as H2 does by default. PostgreSQL would otherwise use
 * the database's locale (where, for example, punctuation is ignored), so that {@code gt}, {@code lt}
 * and sorting would give different answers on the two stores.
 */
final class CodePointOrder extends CustomField<String> {

    private final Field<String> field;

    private CodePointOrder(Field<String> field) {
        super(DSL.name(field.getName()), field.getDataType());
        this.field = field;
    }

    static Field<String> of(Field<String> field) {
        return new CodePointOrder(field);
    }

    @Override
    public void accept(Context<?> context) {
        if (context.family() == SQLDialect.POSTGRES) {
            context.visit(field.collate(DSL.collation(DSL.quotedName("C"))));
        } else {
            context.visit(field);
        }
    }
}
