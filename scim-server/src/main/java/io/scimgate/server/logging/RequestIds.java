package io.scimgate.server.logging;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of each request: the caller's {@code X-Request-Id} when it is a sane token (so a proxy's
 * or IdP's id joins our log lines to theirs), else a new random one. Anything else a client puts
 * there is not echoed into logs.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {
    }

    public static String honourOrCreate(String sent) {
        return sent != null && SANE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }
}
