package io.scimgate.server.scim.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.server.scim.IfMatch;
import io.scimgate.server.scim.json.StoredDocuments;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.Email;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.apache.directory.scim.spec.schema.Meta;

/**
 * SCIM User resources to and from directory users. The stored document is the resource as the
 * IdP sent it, minus what the server owns ({@code id}, {@code meta}) and what it never keeps
 * ({@code password}).
 */
public final class ScimUserMapping {

    private final StoredDocuments documents;

    public ScimUserMapping(ObjectMapper json) {
        this.documents = new StoredDocuments(json);
    }

    /**
     * @param previous the stored user this resource replaces, or null for a new one. An absent
     *        {@code active} keeps the previous state (a new user is active).
     */
    public DirectoryUserData toData(ScimUser user, DirectoryUser previous) {
        boolean active = user.getActive() != null ? user.getActive() : previous == null || previous.active();
        user.setId(null);
        user.setMeta(null);
        user.setPassword(null);
        user.setGroups(null); // read-only (RFC 7643 §4.1.2): computed from the directory's groups, never stored
        user.setActive(active);
        Name name = user.getName();
        EnterpriseExtension enterprise = user.getExtension(EnterpriseExtension.class);
        List<EmailAddress> emails = user.getEmails() == null ? List.of() : user.getEmails().stream()
                .map(ScimUserMapping::toEmailAddress)
                .toList();
        return new DirectoryUserData(
                user.getUserName(),
                user.getExternalId(),
                active,
                user.getDisplayName(),
                name == null ? null : name.getGivenName(),
                name == null ? null : name.getFamilyName(),
                emails,
                user.getTitle(),
                enterprise == null ? null : enterprise.getEmployeeNumber(),
                enterprise == null ? null : enterprise.getDepartment(),
                documents.write(user));
    }

    public ScimUser toScim(DirectoryUser stored, String location) {
        ScimUser user = documents.read(stored.attributes(), ScimUser.class);
        user.setId(stored.id());
        user.setActive(stored.active());
        Meta meta = new Meta();
        meta.setResourceType(ScimUser.RESOURCE_NAME);
        meta.setCreated(utc(stored.createdAt()));
        meta.setLastModified(utc(stored.updatedAt()));
        meta.setLocation(location);
        meta.setVersion(IfMatch.etagOf(stored.version()));
        user.setMeta(meta);
        return user;
    }

    private static EmailAddress toEmailAddress(Email email) {
        return new EmailAddress(email.getValue(), email.getType(), Boolean.TRUE.equals(email.getPrimary()));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
