package io.scimgate.server.scim.filter;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;
import static io.scimgate.server.scim.filter.FilterableAttribute.bool;
import static io.scimgate.server.scim.filter.FilterableAttribute.dateTime;
import static io.scimgate.server.scim.filter.FilterableAttribute.exactString;
import static io.scimgate.server.scim.filter.FilterableAttribute.keyedString;

import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.server.scim.schema.SchemaPaths;
import java.util.List;
import java.util.Map;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The User attributes that filters and sorting may use, and the columns behind them. */
public final class UserFilters {

    private UserFilters() {
    }

    public static FilterTranslator translator(SchemaPaths paths) {
        String enterprise = EnterpriseExtension.URN + ":";
        Field<String> byPrimaryEmail = CodePointOrder.of(DSL.lower(DIRECTORY_USER.PRIMARY_EMAIL));
        List<FilterableAttribute> attributes = List.of(
                exactString("id", DIRECTORY_USER.ID),
                exactString("externalId", DIRECTORY_USER.EXTERNAL_ID),
                keyedString("userName", DIRECTORY_USER.USER_NAME, DIRECTORY_USER.USER_NAME_KEY, DirectoryUsers::key),
                keyedString("displayName", DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.DISPLAY_NAME_KEY, DirectoryUsers::key),
                keyedString("name.givenName", DIRECTORY_USER.GIVEN_NAME, DIRECTORY_USER.GIVEN_NAME_KEY, DirectoryUsers::key),
                keyedString("name.familyName", DIRECTORY_USER.FAMILY_NAME, DIRECTORY_USER.FAMILY_NAME_KEY, DirectoryUsers::key),
                keyedString("title", DIRECTORY_USER.TITLE, DIRECTORY_USER.TITLE_KEY, DirectoryUsers::key),
                bool("active", DIRECTORY_USER.ACTIVE),
                keyedString("emails.value", DIRECTORY_USER_EMAIL.EMAIL_VALUE, DIRECTORY_USER_EMAIL.EMAIL_KEY,
                        DirectoryUsers::emailKey).onRows("emails", DirectoryUsers::hasEmail, byPrimaryEmail)
                        .foundByKey(DirectoryUsers::hasEmailWithKey),
                keyedString("emails.type", DIRECTORY_USER_EMAIL.EMAIL_TYPE, DIRECTORY_USER_EMAIL.EMAIL_TYPE_KEY, DirectoryUsers::key)
                        .onRows("emails", DirectoryUsers::hasEmail, byPrimaryEmail),
                bool("emails.primary", DIRECTORY_USER_EMAIL.IS_PRIMARY).onRows("emails", DirectoryUsers::hasEmail, byPrimaryEmail),
                keyedString(enterprise + "employeeNumber", DIRECTORY_USER.EMPLOYEE_NUMBER, DIRECTORY_USER.EMPLOYEE_NUMBER_KEY,
                        DirectoryUsers::key),
                keyedString(enterprise + "department", DIRECTORY_USER.DEPARTMENT, DIRECTORY_USER.DEPARTMENT_KEY,
                        DirectoryUsers::key),
                dateTime("meta.created", DIRECTORY_USER.CREATED_AT),
                dateTime("meta.lastModified", DIRECTORY_USER.UPDATED_AT));
        return new FilterTranslator(paths, attributes, Map.of("emails", "value"));
    }
}
