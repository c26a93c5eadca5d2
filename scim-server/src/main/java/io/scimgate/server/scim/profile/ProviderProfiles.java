package io.scimgate.server.scim.profile;

import io.scimgate.core.directory.DirectoryProvider;

/** The profile of each provider a directory can have; the switch is exhaustive, so a new provider does not compile without one. */
public final class ProviderProfiles {

    private static final ProviderProfile OKTA = new OktaProfile();
    private static final ProviderProfile ENTRA = new EntraProfile();
    private static final ProviderProfile GOOGLE = new GoogleProfile();
    private static final ProviderProfile ONELOGIN = new OneLoginProfile();
    private static final ProviderProfile JUMPCLOUD = new JumpCloudProfile();
    private static final ProviderProfile PINGFEDERATE = new PingFederateProfile();
    private static final ProviderProfile RIPPLING = new RipplingProfile();
    private static final ProviderProfile CYBERARK = new CyberArkProfile();
    private static final ProviderProfile GENERIC = new GenericProfile();

    private ProviderProfiles() {
    }

    public static ProviderProfile of(DirectoryProvider provider) {
        return switch (provider) {
            case OKTA -> OKTA;
            case ENTRA -> ENTRA;
            case GOOGLE -> GOOGLE;
            case ONELOGIN -> ONELOGIN;
            case JUMPCLOUD -> JUMPCLOUD;
            case PINGFEDERATE -> PINGFEDERATE;
            case RIPPLING -> RIPPLING;
            case CYBERARK -> CYBERARK;
            case GENERIC -> GENERIC;
        };
    }
}
