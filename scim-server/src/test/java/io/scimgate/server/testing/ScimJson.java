package io.scimgate.server.testing;

/** SCIM documents written the way IdPs send them. */
public final class ScimJson {

    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimJson() {
    }

    /** A typical user: work email marked primary, given and family name, an externalId. */
    public static String user(String userName, String externalId) {
        return """
                {"schemas":["%s"],
                 "userName":"%s",
                 "externalId":"%s",
                 "name":{"givenName":"Ana","familyName":"Lee"},
                 "emails":[{"value":"%s","type":"work","primary":true}],
                 "active":true}
                """.formatted(USER_SCHEMA, userName, externalId, userName);
    }

    public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /** A group with the given members' ids. */
    public static String group(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"" + displayName + "\",\"members\":["
                + members + "]}";
    }

    public static String patch(String operationsJson) {
        return "{\"schemas\":[\"" + PATCH_SCHEMA + "\"],\"Operations\":" + operationsJson + "}";
    }
}
