package io.scimgate.server.scim.quirk;

/**
 * Responses labelled {@code application/json}: OneLogin's guide requires it (IDP-QUIRKS.md §3.4) and
 * Google's catalog connectors send and expect plain JSON (IDP-QUIRKS.md §8.1). Their directories get
 * {@code application/json} whenever the request's {@code Accept} allows it; every other directory gets
 * {@code application/scim+json} unless {@code Accept} rules it out (IDP-QUIRKS.md §10.12).
 */
public final class PlainJsonResponses implements Quirk {

    public static final PlainJsonResponses INSTANCE = new PlainJsonResponses();

    private PlainJsonResponses() {
    }

    @Override
    public String clients() {
        return "OneLogin, Google Workspace catalog connectors";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §3.4, §8.1";
    }
}
