package io.scimgate.core.directory.internal;

import static io.scimgate.core.directory.internal.FilterableColumn.bool;
import static io.scimgate.core.directory.internal.FilterableColumn.dateTime;
import static io.scimgate.core.directory.internal.FilterableColumn.exactString;
import static io.scimgate.core.directory.internal.FilterableColumn.keyedString;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;

import io.scimgate.core.directory.DirectoryUsers;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The User attributes that filters and sorting may use, and the columns behind them. */
final class UserColumns {

    /** The enterprise extension's URN (RFC 7643 §4.3), which names its attributes. */
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

    private UserColumns() {
    }

    static ColumnCatalogue catalogue() {
        Field<String> byPrimaryEmail = CodePointOrder.of(DSL.lower(DIRECTORY_USER.PRIMARY_EMAIL));
        List<FilterableColumn> columns = List.of(
                exactString("id", DIRECTORY_USER.ID),
                exactString("externalId", DIRECTORY_USER.EXTERNAL_ID),
                keyedString("userName", DIRECTORY_USER.USER_NAME, DIRECTORY_USER.USER_NAME_KEY, DirectoryUsers::key),
                keyedString("displayName", DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.DISPLAY_NAME_KEY, DirectoryUsers::key),
                keyedString("name.givenName", DIRECTORY_USER.GIVEN_NAME, DIRECTORY_USER.GIVEN_NAME_KEY, DirectoryUsers::key),
                keyedString("name.familyName", DIRECTORY_USER.FAMILY_NAME, DIRECTORY_USER.FAMILY_NAME_KEY, DirectoryUsers::key),
                keyedString("title", DIRECTORY_USER.TITLE, DIRECTORY_USER.TITLE_KEY, DirectoryUsers::key),
                bool("active", DIRECTORY_USER.ACTIVE),
                keyedString("emails.value", DIRECTORY_USER_EMAIL.EMAIL_VALUE, DIRECTORY_USER_EMAIL.EMAIL_KEY,
                        DirectoryUsers::emailKey).onRows("emails", DirectoryUserRows::hasEmail, byPrimaryEmail)
                        .foundByKey(DirectoryUserRows::hasEmailWithKey),
                keyedString("emails.type", DIRECTORY_USER_EMAIL.EMAIL_TYPE, DIRECTORY_USER_EMAIL.EMAIL_TYPE_KEY, DirectoryUsers::key)
                        .onRows("emails", DirectoryUserRows::hasEmail, byPrimaryEmail),
                bool("emails.primary", DIRECTORY_USER_EMAIL.IS_PRIMARY).onRows("emails", DirectoryUserRows::hasEmail, byPrimaryEmail),
                keyedString(ENTERPRISE + "employeeNumber", DIRECTORY_USER.EMPLOYEE_NUMBER, DIRECTORY_USER.EMPLOYEE_NUMBER_KEY,
                        DirectoryUsers::key),
                keyedString(ENTERPRISE + "department", DIRECTORY_USER.DEPARTMENT, DIRECTORY_USER.DEPARTMENT_KEY,
                        DirectoryUsers::key),
                dateTime("meta.created", DIRECTORY_USER.CREATED_AT),
                dateTime("meta.lastModified", DIRECTORY_USER.UPDATED_AT));
        return new ColumnCatalogue(columns, Map.of("emails", "value"));
    }
}
