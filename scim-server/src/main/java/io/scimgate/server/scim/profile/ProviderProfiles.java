package io.scimgate.server.scim.profile;

import io.scimgate.core.directory.DirectoryProvider;
import java.util.EnumMap;
import java.util.Map;

/** The profile of each provider a directory can have. */
public final class ProviderProfiles {

    private static final Map<DirectoryProvider, ProviderProfile> PROFILES = new EnumMap<>(Map.of(
            DirectoryProvider.OKTA, new OktaProfile(),
            DirectoryProvider.ENTRA, new EntraProfile(),
            DirectoryProvider.GOOGLE, new GoogleProfile(),
            DirectoryProvider.ONELOGIN, new OneLoginProfile(),
            DirectoryProvider.JUMPCLOUD, new JumpCloudProfile(),
            DirectoryProvider.PINGFEDERATE, new PingFederateProfile(),
            DirectoryProvider.RIPPLING, new RipplingProfile(),
            DirectoryProvider.CYBERARK, new CyberArkProfile(),
            DirectoryProvider.GENERIC, new GenericProfile()));

    private ProviderProfiles() {
    }

    public static ProviderProfile of(DirectoryProvider provider) {
        ProviderProfile profile = PROFILES.get(provider);
        if (profile == null) {
            throw new IllegalStateException("No profile for provider " + provider);
        }
        return profile;
    }
}
