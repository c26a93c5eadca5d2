package io.scimgate.conformance.hostapp;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.server.ScimgateHttp;
import io.scimgate.server.admin.AdminAuthenticator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A host application as the README's Embedding section tells one to write it: the provisioning
 * core on the host's own DataSource with the host's listeners, SCIM and the admin API mounted on
 * the host's own HTTP server under paths of its choosing, the admin API open to the admin token and
 * to the host's own operator sign-in. Nothing else of scimgate is used.
 */
final class HostApplication implements AutoCloseable {

    static final String SCIM_PATH = "/api/scim";
    static final String ADMIN_PATH = "/api/admin";
    /** The host's own operator sign-in, as a header carrying one of its operator sessions. */
    static final String OPERATOR_SESSION_HEADER = "X-Host-Operator-Session";
    static final String OPERATOR_SESSION = "host-operator-session-42";

    private final ProvisioningCore core;
    private final HostContainer.Running http;
    private final String contextPath;
    /** What the host's event listener heard, its session store was told to revoke and its mailer sent. */
    final List<Event> heard = Collections.synchronizedList(new ArrayList<>());
    final List<String> revokedSessions = Collections.synchronizedList(new ArrayList<>());
    final List<InvitationDelivery> mailed = Collections.synchronizedList(new ArrayList<>());

    private HostApplication(DataSource dataSource, String adminToken, HostContainer container) throws Exception {
        this.contextPath = container.contextPath();
        this.core = ProvisioningCore.builder()
                .dataSource(dataSource)
                .eventListener(heard::add)
                .sessionRevoker((userId, organizationId) -> revokedSessions.add(userId))
                .invitationSender(mailed::add)
                .invitationAcceptUrl("https://host.example/join?token={token}")
                .build()
                .start();
        try {
            core.adminTokens().initialise(adminToken);
            AdminAuthenticator hostSignIn = request -> OPERATOR_SESSION.equals(request.getHeaderString(OPERATOR_SESSION_HEADER));
            ScimgateHttp.Options options = ScimgateHttp.Options.defaults().withScimPath(contextPath + SCIM_PATH)
                    .withAdminAuthenticator(AdminAuthenticator.adminToken(core.adminTokens()).or(hostSignIn));
            this.http = container.serve(Map.of(
                    SCIM_PATH, ScimgateHttp.scim(core, options),
                    ADMIN_PATH, ScimgateHttp.admin(core, options)));
        } catch (Exception | Error e) {
            core.close();
            throw e;
        }
    }

    static HostApplication start(DataSource dataSource, String adminToken, HostContainer container) throws Exception {
        return new HostApplication(dataSource, adminToken, container);
    }

    ProvisioningCore core() {
        return core;
    }

    String adminUrl() {
        return "http://127.0.0.1:" + http.port() + contextPath + ADMIN_PATH;
    }

    String scimUrl() {
        return "http://127.0.0.1:" + http.port() + contextPath + SCIM_PATH;
    }

    /** Stops serving, then the core (its workers at a safe point); the host's DataSource stays the host's. */
    @Override
    public void close() throws Exception {
        try {
            http.close();
        } finally {
            core.close();
        }
    }
}
