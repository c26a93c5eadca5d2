package io.scimgate.server.scim.roles;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.apache.directory.scim.spec.annotation.ScimAttribute;
import org.apache.directory.scim.spec.annotation.ScimResourceType;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Mutability;

/**
 * A role of the directory's organization (RULES.md P26) as the read-only {@code Role} resource type
 * Okta Identity Governance discovers entitlements through: its {@code id} is the role's slug, the
 * value an IdP then sends in a user's {@code roles} (P28). Declared here so that SCIMple's registry
 * lists it in {@code /ResourceTypes} and its schema in {@code /Schemas}.
 */
@ScimResourceType(id = ScimRole.RESOURCE_NAME, name = ScimRole.RESOURCE_NAME, schema = ScimRole.SCHEMA_URI,
        description = "A role of the organization, to assign to users through their roles attribute",
        endpoint = "/" + ScimRole.ENDPOINT)
@XmlRootElement(name = ScimRole.RESOURCE_NAME)
@XmlAccessorType(XmlAccessType.NONE)
public class ScimRole extends ScimResource {

    private static final long serialVersionUID = 1L;
    /** Okta's URN for roles (its "SCIM with entitlements" guide); it needs no further schema from the server. */
    public static final String SCHEMA_URI = "urn:okta:scim:schemas:core:1.0:Role";
    public static final String RESOURCE_NAME = "Role";
    public static final String ENDPOINT = "Roles";

    @XmlElement
    @ScimAttribute(description = "The role's name as people read it", required = true, mutability = Mutability.READ_ONLY)
    private String displayName;

    public ScimRole() {
        super(SCHEMA_URI, RESOURCE_NAME);
    }

    public String getDisplayName() {
        return displayName;
    }

    public ScimRole setDisplayName(String displayName) {
        this.displayName = displayName;
        return this;
    }
}
