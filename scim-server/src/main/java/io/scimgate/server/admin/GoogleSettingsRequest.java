package io.scimgate.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.google.GoogleDirectorySettings;
import java.time.Duration;
import java.util.List;

/**
 * The body of {@code PUT /directories/{id}/google}. {@code serviceAccountKey} is the downloaded
 * JSON key file, pasted as an object or as a string; it is sealed before it is stored and never
 * answered back.
 */
record GoogleSettingsRequest(String customer, String adminEmail, JsonNode serviceAccountKey,
        String serviceAccountKeyFile, List<String> groups, Integer syncIntervalMinutes) {

    GoogleDirectorySettings toSettings() {
        return new GoogleDirectorySettings(customer, adminEmail, keyJson(), serviceAccountKeyFile, groups,
                syncIntervalMinutes == null ? null : Duration.ofMinutes(syncIntervalMinutes));
    }

    private String keyJson() {
        if (serviceAccountKey == null || serviceAccountKey.isNull()) {
            return null;
        }
        if (serviceAccountKey.isObject()) {
            return serviceAccountKey.toString();
        }
        if (serviceAccountKey.isTextual()) {
            return serviceAccountKey.asText();
        }
        throw new ScimgateException(ErrorCode.INVALID_SERVICE_ACCOUNT_KEY,
                "serviceAccountKey is the service account's JSON key: an object, or that JSON as a string");
    }

    @Override
    public String toString() {
        return "GoogleSettingsRequest[customer=" + customer + ", adminEmail=" + adminEmail + ", serviceAccountKey="
                + (serviceAccountKey == null ? "none" : "(redacted)") + ", serviceAccountKeyFile=" + serviceAccountKeyFile
                + ", groups=" + groups + ", syncIntervalMinutes=" + syncIntervalMinutes + "]";
    }
}
