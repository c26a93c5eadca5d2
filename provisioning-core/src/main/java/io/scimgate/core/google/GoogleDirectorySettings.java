package io.scimgate.core.google;

import java.time.Duration;
import java.util.List;

/**
 * What an operator sets for a Google directory. Give the service-account key either as the JSON
 * of the key file ({@code serviceAccountKeyJson}, then stored encrypted) or as the path of that
 * file on the server host ({@code serviceAccountKeyFile}, read at each sync, never copied); give
 * neither to keep the credentials already stored. Null {@code customer}, {@code groups} and
 * {@code syncInterval} mean {@code my_customer}, every group and 30 minutes.
 *
 * @param adminEmail the Workspace admin the service account impersonates (domain-wide delegation)
 * @param groups group e-mail addresses, aliases or ids to limit the sync to; empty for all
 */
public record GoogleDirectorySettings(String customer, String adminEmail, String serviceAccountKeyJson,
        String serviceAccountKeyFile, List<String> groups, Duration syncInterval) {

    @Override
    public String toString() {
        return "GoogleDirectorySettings[customer=" + customer + ", adminEmail=" + adminEmail
                + ", serviceAccountKeyJson=" + (serviceAccountKeyJson == null ? "none" : "(redacted)")
                + ", serviceAccountKeyFile=" + serviceAccountKeyFile + ", groups=" + groups
                + ", syncInterval=" + syncInterval + "]";
    }
}
