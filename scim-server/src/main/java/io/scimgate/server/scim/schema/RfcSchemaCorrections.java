package io.scimgate.server.scim.schema;

import java.util.List;
import java.util.Set;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.apache.directory.scim.spec.schema.ResourceType;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schema.Attribute;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Mutability;
import org.apache.directory.scim.spec.schema.Schema.Attribute.Type;

/**
 * Where SCIMple 1.0.0-M1's schema definitions differ from RFC 7643, they are corrected here, once,
 * in the registry every part of the SCIM layer reads: discovery serves them, and the path resolver,
 * normalisation, PATCH and projection follow them. Strict clients validate resources against the
 * server's own {@code /Schemas}, so a wrong type there (a {@code complex} {@code members.type})
 * makes them reject every group.
 */
public final class RfcSchemaCorrections {

    private RfcSchemaCorrections() {
    }

    public static void apply(SchemaRegistry registry) {
        Schema user = registry.getSchema(ScimUser.SCHEMA_URI);
        describe(user, "User", "User Account");
        commonAttributes(user);
        // RFC 7643 §4.1.1: the password is written, never returned.
        attribute(user, "password").setMutability(Mutability.WRITE_ONLY);
        // §4.1.2 and §8.7.1: groups are computed by the server, and their type is a string.
        Attribute groups = attribute(user, "groups");
        groups.setMutability(Mutability.READ_ONLY);
        groups.getAttributes().forEach(sub -> sub.setMutability(Mutability.READ_ONLY));
        stringType(groups, "type");
        // §8.7.1: a certificate is binary (base64) and compared exactly (errata 6000).
        Attribute certificate = attribute(user, "x509Certificates").getAttribute("value");
        certificate.setType(Type.BINARY);
        certificate.setCaseExact(true);
        attribute(user, "ims").getAttribute("type").setCanonicalValues(
                Set.of("aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"));

        Schema group = registry.getSchema(ScimGroup.SCHEMA_URI);
        describe(group, "Group", "Group");
        commonAttributes(group);
        Attribute members = attribute(group, "members");
        stringType(members, "type");
        // Not in §8.7.1's members; like value, a client may send it with the member (§2.4).
        members.getAttribute("display").setMutability(Mutability.IMMUTABLE);

        Schema enterprise = registry.getSchema(EnterpriseExtension.URN);
        describe(enterprise, "EnterpriseUser", "Enterprise User");
        Attribute managerReference = attribute(enterprise, "manager").getAttribute("$ref");
        managerReference.setType(Type.REFERENCE);
        managerReference.setReferenceTypes(List.of("User"));

        resourceType(registry, ScimUser.RESOURCE_NAME, "User Account");
        resourceType(registry, ScimGroup.RESOURCE_NAME, "Group");
    }

    /** RFC 7643 §3.1: {@code id} is issued by the server and compared exactly; {@code meta} is the server's. */
    private static void commonAttributes(Schema schema) {
        Attribute id = attribute(schema, "id");
        id.setCaseExact(true);
        id.setRequired(false);
        attribute(schema, "meta").setMutability(Mutability.READ_ONLY);
    }

    private static void stringType(Attribute parent, String name) {
        Attribute sub = parent.getAttribute(name);
        sub.setType(Type.STRING);
        sub.setSubAttributes(null);
    }

    private static void describe(Schema schema, String name, String description) {
        schema.setName(name);
        schema.setDescription(description);
    }

    private static void resourceType(SchemaRegistry registry, String name, String description) {
        ResourceType type = registry.getResourceType(name);
        type.setDescription(description);
    }

    private static Attribute attribute(Schema schema, String name) {
        Attribute attribute = schema.getAttribute(name);
        if (attribute == null) {
            throw new IllegalStateException(schema.getId() + " has no attribute " + name);
        }
        return attribute;
    }
}
