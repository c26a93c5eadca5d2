package io.scimgate.server.scim.quirk;

/**
 * One way an identity provider's SCIM departs from RFC 7643/7644, as a named unit: the class says
 * what the client sends, who sends it and where that is documented, and holds what scimgate does
 * about it. A directory's provider profile lists the quirks applied to its requests and responses.
 */
public interface Quirk {

    /** The clients known to send or need this, e.g. "Microsoft Entra ID". */
    String clients();

    /** Where it is documented: a section of {@code scim-server/IDP-QUIRKS.md}. */
    String source();
}
