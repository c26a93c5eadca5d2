package io.scimgate.server.admin;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;

/** Request bodies of the admin API. */
final class AdminRequests {

    private AdminRequests() {
    }

    record CreateOrganization(String name) {
    }

    record AddDomain(String domain, String verification) {
    }

    record CreateDirectory(String name, String provider) {
    }

    record UpdateOrganization(String name, String defaultRole, Boolean sendInvitations) {
    }

    record UpdateMembership(String role) {
    }

    record UpdateDirectory(AdminViews.RateLimitView rateLimit) {
    }

    record AcceptInvitation(String token) {
    }

    record CreateInvitation(String membershipId) {
    }

    record ReplaceGroupRoles(java.util.List<io.scimgate.core.membership.GroupRoles.Mapping> mappings) {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new ScimgateException(ErrorCode.BODY_REQUIRED, "This request needs a JSON body");
        }
        return body;
    }
}
