package io.scimgate.core.testing.google;

/**
 * A failure the fake answers instead of a page: an HTTP error in Google's JSON shape, or an answer
 * whose connection breaks after half of its body.
 */
public record Fault(int status, String body, boolean cutMidBody) {

    public static Fault userRateLimitExceeded() {
        return error(403, "userRateLimitExceeded", "usageLimits", "User Rate Limit Exceeded");
    }

    public static Fault quotaExceeded() {
        return error(403, "quotaExceeded", "usageLimits", "Quota exceeded for quota metric 'Queries'");
    }

    public static Fault backendError() {
        return error(500, "backendError", "global", "Backend Error");
    }

    /** Not a rate limit: the admin lacks a privilege. Retrying does not help. */
    public static Fault notAuthorized() {
        return error(403, "forbidden", "global", "Not Authorized to access this resource/api");
    }

    /** A 200 whose body stops half-way: the client sees a broken connection mid-page. */
    public static Fault connectionCutMidPage() {
        return new Fault(200, null, true);
    }

    /** Google's access token no longer valid (revoked or expired early). */
    public static Fault invalidCredentials() {
        return error(401, "authError", "global", "Invalid Credentials");
    }

    static Fault error(int status, String reason, String domain, String message) {
        String body = "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\""
                + message + "\",\"domain\":\"" + domain + "\",\"reason\":\"" + reason + "\"}]}}";
        return new Fault(status, body, false);
    }
}
