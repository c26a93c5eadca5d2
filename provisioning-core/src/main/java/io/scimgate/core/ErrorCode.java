package io.scimgate.core;

import io.scimgate.core.ScimgateException.Kind;

/**
 * Every failure a caller of scimgate can act on, with the stable code it carries on the wire (the
 * admin API's {@code code}) and its {@link Kind}. The HTTP status of a code is decided once per API
 * from its kind: by {@code ScimErrors} for SCIM and by {@code AdminErrors} for the admin API. Callers
 * branch on these constants, never on a code string or a message.
 */
public enum ErrorCode {

    // ---- request shape (admin API and services) ----
    /** The request needs a JSON body and came without one. */
    BODY_REQUIRED(Kind.INVALID, "body_required"),
    /** A query parameter the endpoint does not take. */
    UNKNOWN_PARAMETER(Kind.INVALID, "unknown_parameter"),
    /** A page size outside the endpoint's bounds. */
    INVALID_LIMIT(Kind.INVALID, "invalid_limit"),
    /** A page cursor ({@code after}) that does not name an item of an earlier page. */
    INVALID_CURSOR(Kind.INVALID, "invalid_cursor"),
    /** The events list's {@code after} is not an event id of 0 or more. */
    INVALID_AFTER(Kind.INVALID, "invalid_after"),
    /** The events list's {@code createdAfter} is not an RFC 3339 date-time. */
    INVALID_CREATED_AFTER(Kind.INVALID, "invalid_createdAfter"),
    /** The events list's {@code createdBefore} is not an RFC 3339 date-time. */
    INVALID_CREATED_BEFORE(Kind.INVALID, "invalid_createdBefore"),
    /** A text value longer than its attribute allows. */
    VALUE_TOO_LONG(Kind.INVALID, "value_too_long"),
    /** A whole resource document larger than allowed. */
    DOCUMENT_TOO_LARGE(Kind.INVALID, "document_too_large"),
    /** A name that must not be empty is empty. */
    NAME_REQUIRED(Kind.INVALID, "name_required"),
    /** A name longer than allowed. */
    NAME_TOO_LONG(Kind.INVALID, "name_too_long"),

    // ---- organizations, roles and domains ----
    /** No organization has this id. */
    ORGANIZATION_NOT_FOUND(Kind.NOT_FOUND, "organization_not_found"),
    /** A role slug or role object that is not well formed. */
    INVALID_ROLE(Kind.INVALID, "invalid_role"),
    /** A role the organization does not define. */
    UNKNOWN_ROLE(Kind.INVALID, "unknown_role"),
    /** An organization's role list is empty. */
    ROLES_REQUIRED(Kind.INVALID, "roles_required"),
    /** An organization's role list is longer than allowed. */
    TOO_MANY_ROLES(Kind.INVALID, "too_many_roles"),
    /** A role slug listed twice. */
    DUPLICATE_ROLE(Kind.INVALID, "duplicate_role"),
    /** Not exactly one role of the organization is its default. */
    ONE_DEFAULT_ROLE(Kind.INVALID, "one_default_role"),
    /** A role still held by members or group mappings cannot be removed. */
    ROLE_IN_USE(Kind.CONFLICT, "role_in_use"),
    /** A group-to-role mapping that is not well formed. */
    INVALID_GROUP_ROLES(Kind.INVALID, "invalid_group_roles"),
    /** A group that is not a group of the organization's directories (or of this directory). */
    UNKNOWN_GROUP(Kind.INVALID, "unknown_group"),
    /** Not a valid domain name. */
    INVALID_DOMAIN(Kind.INVALID, "invalid_domain"),
    /** A public e-mail provider's domain, which no organization may own. */
    CONSUMER_DOMAIN(Kind.INVALID, "consumer_domain"),
    /** The organization already has this domain. */
    DOMAIN_ALREADY_ADDED(Kind.CONFLICT, "domain_already_added"),
    /** The organization has no domain with this id or name. */
    DOMAIN_NOT_FOUND(Kind.NOT_FOUND, "domain_not_found"),
    /** The domain's verification window has passed. */
    DOMAIN_VERIFICATION_EXPIRED(Kind.INVALID, "domain_verification_expired"),
    /** The verification TXT record is not (yet) in DNS. */
    DNS_RECORD_NOT_FOUND(Kind.INVALID, "dns_record_not_found"),
    /** A domain verification strategy other than dns or manual. */
    INVALID_VERIFICATION_STRATEGY(Kind.INVALID, "invalid_verification_strategy"),

    // ---- directories, their users and groups ----
    /** No directory has this id. */
    DIRECTORY_NOT_FOUND(Kind.NOT_FOUND, "directory_not_found"),
    /** A directory provider scimgate does not know. */
    INVALID_PROVIDER(Kind.INVALID, "invalid_provider"),
    /** A directory rate limit that is not two positive numbers (or both null). */
    INVALID_RATE_LIMIT(Kind.INVALID, "invalid_rate_limit"),
    /** The directory already has as many live bearer tokens as allowed. */
    TOO_MANY_TOKENS(Kind.CONFLICT, "too_many_tokens"),
    /** The directory has no live bearer token with this id. */
    TOKEN_NOT_FOUND(Kind.NOT_FOUND, "token_not_found"),
    /** The directory has no user with this id. */
    DIRECTORY_USER_NOT_FOUND(Kind.NOT_FOUND, "directory_user_not_found"),
    /** The directory has no group with this id. */
    DIRECTORY_GROUP_NOT_FOUND(Kind.NOT_FOUND, "directory_group_not_found"),
    /** A user without a userName. */
    USER_NAME_REQUIRED(Kind.INVALID, "user_name_required"),
    /** Another user of the directory has this userName. */
    USER_NAME_TAKEN(Kind.CONFLICT, "user_name_taken"),
    /** A group without a displayName. */
    DISPLAY_NAME_REQUIRED(Kind.INVALID, "display_name_required"),
    /** The resource changed since the version the request names (If-Match). */
    VERSION_MISMATCH(Kind.PRECONDITION_FAILED, "version_mismatch"),
    /** An attribute mapping that is not a JSON object of names and paths. */
    MAPPING_REQUIRED(Kind.INVALID, "mapping_required"),
    /** An attribute mapping the admin API cannot read as names and paths. */
    INVALID_MAPPING(Kind.INVALID, "invalid_mapping"),
    /** An attribute mapping with more attributes than allowed. */
    TOO_MANY_ATTRIBUTES(Kind.INVALID, "too_many_attributes"),
    /** Not a custom attribute name. */
    INVALID_ATTRIBUTE_NAME(Kind.INVALID, "invalid_attribute_name"),
    /** Not a SCIM attribute path. */
    INVALID_ATTRIBUTE_PATH(Kind.INVALID, "invalid_attribute_path"),

    // ---- users, memberships and invitations ----
    /** No application user has this id. */
    USER_NOT_FOUND(Kind.NOT_FOUND, "user_not_found"),
    /** No membership has this id. */
    MEMBERSHIP_NOT_FOUND(Kind.NOT_FOUND, "membership_not_found"),
    /** A membership status other than active, pending or inactive. */
    INVALID_STATUS(Kind.INVALID, "invalid_status"),
    /** The membership is pending, so this change is not possible yet. */
    MEMBERSHIP_PENDING(Kind.CONFLICT, "membership_pending"),
    /** The membership is active, so it cannot be removed before it is deactivated. */
    MEMBERSHIP_ACTIVE(Kind.CONFLICT, "membership_active"),
    /** The membership belongs to a directory and changes only through it. */
    MEMBERSHIP_DIRECTORY_MANAGED(Kind.CONFLICT, "membership_directory_managed"),
    /** Only a pending membership can be invited. */
    MEMBERSHIP_NOT_PENDING(Kind.CONFLICT, "membership_not_pending"),
    /** An invitation needs the id of the pending membership it invites to. */
    MEMBERSHIP_ID_REQUIRED(Kind.INVALID, "membership_id_required"),
    /** No invitation has this id or token. */
    INVITATION_NOT_FOUND(Kind.NOT_FOUND, "invitation_not_found"),
    /** An invitation token is required. */
    TOKEN_REQUIRED(Kind.INVALID, "token_required"),
    /** An invitation state other than pending, accepted, revoked or expired. */
    INVALID_STATE(Kind.INVALID, "invalid_state"),
    /** The membership already has a pending invitation: resend that one. */
    INVITATION_PENDING(Kind.CONFLICT, "invitation_pending"),
    /** The invitation was accepted and cannot be accepted, resent or revoked. */
    INVITATION_ACCEPTED(Kind.INVALID, "invitation_accepted"),
    /** The invitation was revoked and cannot be accepted or revoked again. */
    INVITATION_REVOKED(Kind.INVALID, "invitation_revoked"),
    /** The invitation expired: its token no longer works and it cannot be revoked. */
    INVITATION_EXPIRED(Kind.CONFLICT, "invitation_expired"),

    // ---- events and webhooks ----
    /** An event type scimgate does not publish. */
    UNKNOWN_EVENT_TYPE(Kind.INVALID, "unknown_event_type"),
    /** No event has this id. */
    EVENT_NOT_FOUND(Kind.NOT_FOUND, "event_not_found"),
    /** The event is of a type or organization the webhook endpoint does not receive. */
    EVENT_NOT_FOR_ENDPOINT(Kind.CONFLICT, "event_not_for_endpoint"),
    /** The webhook endpoint has not reached this event yet, so it cannot be resent. */
    EVENT_NOT_SENT_YET(Kind.CONFLICT, "event_not_sent_yet"),
    /** A webhook URL that is not an absolute http(s) URL. */
    INVALID_URL(Kind.INVALID, "invalid_url"),
    /** No webhook endpoint has this id. */
    WEBHOOK_NOT_FOUND(Kind.NOT_FOUND, "webhook_not_found"),

    // ---- Google Workspace sync and stored secrets ----
    /** The directory is not a Google Workspace directory. */
    NOT_A_GOOGLE_DIRECTORY(Kind.CONFLICT, "not_a_google_directory"),
    /** The Google directory has no sync settings yet. */
    GOOGLE_SYNC_NOT_CONFIGURED(Kind.NOT_FOUND, "google_sync_not_configured"),
    /** Google sync settings without a service account key. */
    CREDENTIALS_REQUIRED(Kind.INVALID, "credentials_required"),
    /** Both a stored service account key and a key file were given. */
    AMBIGUOUS_CREDENTIALS(Kind.INVALID, "ambiguous_credentials"),
    /** A service account key that is not a usable JSON key. */
    INVALID_SERVICE_ACCOUNT_KEY(Kind.INVALID, "invalid_service_account_key"),
    /** The service account key file cannot be read by the server. */
    UNREADABLE_KEY_FILE(Kind.INVALID, "unreadable_key_file"),
    /** Not a Google customer id. */
    INVALID_CUSTOMER(Kind.INVALID, "invalid_customer"),
    /** Google sync settings without the Workspace admin to act as. */
    ADMIN_EMAIL_REQUIRED(Kind.INVALID, "admin_email_required"),
    /** The Workspace admin is not an e-mail address. */
    INVALID_ADMIN_EMAIL(Kind.INVALID, "invalid_admin_email"),
    /** A group filter with more groups than allowed. */
    TOO_MANY_GROUPS(Kind.INVALID, "too_many_groups"),
    /** A group filter entry that is not a group's address, alias or id. */
    INVALID_GROUP(Kind.INVALID, "invalid_group"),
    /** A sync interval outside the allowed range. */
    INVALID_SYNC_INTERVAL(Kind.INVALID, "invalid_sync_interval"),
    /** A secret must be encrypted or decrypted but no secret key is configured. */
    SECRET_KEY_NOT_CONFIGURED(Kind.INVALID, "secret_key_not_configured"),
    /** A stored secret cannot be decrypted with the configured keys. */
    SECRET_UNREADABLE(Kind.INVALID, "secret_unreadable");

    private final Kind kind;
    private final String wireName;

    ErrorCode(Kind kind, String wireName) {
        this.kind = kind;
        this.wireName = wireName;
    }

    /** What kind of failure this is; each API maps the kind to its HTTP status. */
    public Kind kind() {
        return kind;
    }

    /** The stable code on the wire, e.g. {@code user_name_taken}. */
    public String wireName() {
        return wireName;
    }
}
