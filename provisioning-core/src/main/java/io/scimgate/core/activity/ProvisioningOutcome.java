package io.scimgate.core.activity;

/**
 * What a SCIM request did to a person, as its committed events (and, for a waiting duplicate, the
 * directory user's provisioning state) show it; see {@link ChangeExplainer#outcomes}.
 */
public enum ProvisioningOutcome {
    /** A new User with an active membership (RULES.md P12, P13). */
    CREATED,
    /** An existing User linked to the directory user (RULES.md P12, P15). */
    LINKED,
    /** A pending membership with an invitation: the domain is not verified (RULES.md P14). */
    PENDING,
    /** Accepted but not provisioned: another directory user of the directory has the e-mail (RULES.md P10). */
    DUPLICATE,
    /** An active membership became inactive, or a pending one was removed (RULES.md P19). */
    DEPROVISIONED,
    /** An inactive membership became active again (RULES.md P20). */
    REPROVISIONED;

    /** The lower-case name used in metrics and logs, e.g. {@code deprovisioned}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
