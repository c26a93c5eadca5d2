package io.scimgate.server.scim.bulk;

/** The limits of {@code /Bulk}, announced in ServiceProviderConfig and enforced with 413. */
public final class BulkLimits {

    public static final int MAX_OPERATIONS = 1000;
    public static final int MAX_PAYLOAD_BYTES = 1_048_576;

    private BulkLimits() {
    }
}
