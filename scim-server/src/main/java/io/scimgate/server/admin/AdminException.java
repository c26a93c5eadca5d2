package io.scimgate.server.admin;

/** A request the admin API refuses before it reaches the core. */
final class AdminException extends RuntimeException {

    private final int status;
    private final String code;

    AdminException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static AdminException badRequest(String code, String message) {
        return new AdminException(400, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
