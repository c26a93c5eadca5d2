package io.scimgate.core.webhook;

/** A new endpoint with its signing secret, which is shown only here. */
public record CreatedWebhook(WebhookEndpoint endpoint, String secret) {

    @Override
    public String toString() {
        return "CreatedWebhook[" + endpoint.id() + "]";
    }
}
