package io.scimgate.core.invitation.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URL an invitee opens to accept: the host app's template with {@code {token}} replaced by the
 * invitation's token. Such a URL is a secret while its invitation is pending: whoever has it can
 * accept in the invitee's place.
 */
public record AcceptUrls(String template) {

    /** The accept URL of {@code token}, or null when no template is configured. */
    public String of(String token) {
        return template == null ? null : template.replace("{token}", URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
