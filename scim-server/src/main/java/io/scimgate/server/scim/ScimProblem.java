package io.scimgate.server.scim;

/** A request the SCIM layer refuses, with the status and RFC 7644 §3.12 {@code scimType} to answer. */
public final class ScimProblem extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimProblem(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimProblem invalidFilter(String detail) {
        return new ScimProblem(400, "invalidFilter", detail);
    }

    public static ScimProblem invalidPath(String detail) {
        return new ScimProblem(400, "invalidPath", detail);
    }

    public static ScimProblem invalidSyntax(String detail) {
        return new ScimProblem(400, "invalidSyntax", detail);
    }

    public static ScimProblem invalidValue(String detail) {
        return new ScimProblem(400, "invalidValue", detail);
    }

    public static ScimProblem mutability(String detail) {
        return new ScimProblem(400, "mutability", detail);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
