package io.scimgate.server.scim.filter;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;
import static io.scimgate.server.scim.filter.FilterableAttribute.bool;
import static io.scimgate.server.scim.filter.FilterableAttribute.dateTime;
import static io.scimgate.server.scim.filter.FilterableAttribute.exactString;
import static io.scimgate.server.scim.filter.FilterableAttribute.keyedString;
import static io.scimgate.server.scim.filter.FilterableAttribute.string;

import io.scimgate.core.directory.DirectoryUsers;
import java.util.Map;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.jooq.impl.DSL;

/** The User attributes that filters and sorting may use, and the columns behind them. */
public final class UserFilters {

    private UserFilters() {
    }

    public static FilterTranslator translator() {
        String enterprise = EnterpriseExtension.URN.toLowerCase(java.util.Locale.ROOT) + ":";
        var primaryEmailSort = DSL.lower(DIRECTORY_USER.PRIMARY_EMAIL);
        Map<String, FilterableAttribute> attributes = Map.ofEntries(
                Map.entry("id", exactString(DIRECTORY_USER.ID)),
                Map.entry("externalid", exactString(DIRECTORY_USER.EXTERNAL_ID)),
                Map.entry("username", keyedString(DIRECTORY_USER.USER_NAME, DIRECTORY_USER.USER_NAME_KEY, DirectoryUsers::key)),
                Map.entry("displayname", string(DIRECTORY_USER.DISPLAY_NAME)),
                Map.entry("name.givenname", string(DIRECTORY_USER.GIVEN_NAME)),
                Map.entry("name.familyname", string(DIRECTORY_USER.FAMILY_NAME)),
                Map.entry("title", string(DIRECTORY_USER.TITLE)),
                Map.entry("active", bool(DIRECTORY_USER.ACTIVE)),
                Map.entry("emails.value", keyedString(DIRECTORY_USER_EMAIL.EMAIL_VALUE, DIRECTORY_USER_EMAIL.EMAIL_KEY,
                        DirectoryUsers::emailKey).onRow(primaryEmailSort)),
                Map.entry("emails.type", string(DIRECTORY_USER_EMAIL.EMAIL_TYPE).onRow(primaryEmailSort)),
                Map.entry("emails.primary", bool(DIRECTORY_USER_EMAIL.IS_PRIMARY).onRow(primaryEmailSort)),
                Map.entry(enterprise + "employeenumber", string(DIRECTORY_USER.EMPLOYEE_NUMBER)),
                Map.entry(enterprise + "department", string(DIRECTORY_USER.DEPARTMENT)),
                Map.entry("meta.created", dateTime(DIRECTORY_USER.CREATED_AT)),
                Map.entry("meta.lastmodified", dateTime(DIRECTORY_USER.UPDATED_AT)));
        return new FilterTranslator(ScimUser.SCHEMA_URI, attributes, Map.of("emails", "value"), DirectoryUsers::hasEmail);
    }
}
