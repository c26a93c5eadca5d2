package io.scimgate.conformance.hostapp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.events.Event;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.core.user.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The host-app example, run for real: on its own Grizzly server and on Jetty 12, on its own
 * DataSource of the store under test (H2, PostgreSQL in the second run), with SCIM and the admin
 * API under the host's paths. An identity provider's push reaches the host's listener and the
 * memberships the host reads through the Java API.
 */
class HostAppTest {

    private static final String ADMIN_TOKEN = "host-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private TestDatabase database;

    static Stream<HostContainer> containers() {
        return Stream.of(new GrizzlyHost(), new JettyHost());
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            TestDatabases.drop(database);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aUserPushedOverScimReachesTheHostsListenerAndItsMemberships(HostContainer container) throws Exception {
        try (HostApplication host = HostApplication.start(hostDataSource(), ADMIN_TOKEN, container)) {
            Tenant tenant = Tenant.create(host);
            assertEquals(host.scimUrl() + "/" + tenant.directoryId(), tenant.scimBaseUrl(),
                    "the admin API names the SCIM URL where the host mounted it");

            HttpResponse<String> created = tenant.createUser("ana.lee@acme.com");
            assertEquals(201, created.statusCode(), created.body());
            String userId = JSON.readTree(created.body()).get("id").asText();
            assertEquals(tenant.scimBaseUrl() + "/Users/" + userId, created.headers().firstValue("Location").orElseThrow());

            await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(host).contains("dsync.user.created"));
            User ana = host.core().users().findByEmail("ana.lee@acme.com").orElseThrow();
            assertEquals(MembershipStatus.ACTIVE,
                    host.core().memberships().find(tenant.organizationId(), ana.id()).orElseThrow().status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void theMountedApisKeepTheirAuthenticationAndErrorShapes(HostContainer container) throws Exception {
        try (HostApplication host = HostApplication.start(hostDataSource(), ADMIN_TOKEN, container)) {
            HttpResponse<String> admin = send(HttpRequest.newBuilder(URI.create(host.adminUrl() + "/organizations")).GET());
            assertEquals(401, admin.statusCode());
            assertTrue(JSON.readTree(admin.body()).has("code"), admin.body());

            HttpResponse<String> scim = send(HttpRequest.newBuilder(URI.create(host.scimUrl() + "/nosuchdirectory/Users"))
                    .header("Authorization", "Bearer nope").GET());
            assertEquals(401, scim.statusCode());
            JsonNode error = JSON.readTree(scim.body());
            assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", error.get("schemas").get(0).asText());
            assertEquals("401", error.get("status").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void theHostsOwnOperatorSignInOpensTheAdminApi(HostContainer container) throws Exception {
        try (HostApplication host = HostApplication.start(hostDataSource(), ADMIN_TOKEN, container)) {
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(host.adminUrl() + "/organizations"))
                    .header(HostApplication.OPERATOR_SESSION_HEADER, HostApplication.OPERATOR_SESSION).GET());
            assertEquals(200, signedIn.statusCode(), signedIn.body());

            HttpResponse<String> stranger = send(HttpRequest.newBuilder(URI.create(host.adminUrl() + "/organizations"))
                    .header(HostApplication.OPERATOR_SESSION_HEADER, "someone-elses-session").GET());
            assertEquals(401, stranger.statusCode());
            assertEquals("unauthorized", JSON.readTree(stranger.body()).get("code").asText(), stranger.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void theHostSurvivesItsOwnRestartWithNothingLost(HostContainer container) throws Exception {
        DataSource dataSource = hostDataSource();
        Tenant tenant;
        String userId;
        try (HostApplication host = HostApplication.start(dataSource, ADMIN_TOKEN, container)) {
            tenant = Tenant.create(host);
            HttpResponse<String> created = tenant.createUser("gus.ruiz@acme.com");
            assertEquals(201, created.statusCode(), created.body());
            userId = JSON.readTree(created.body()).get("id").asText();
        }
        try (HostApplication restarted = HostApplication.start(dataSource, ADMIN_TOKEN, container)) {
            Tenant again = tenant.on(restarted);
            HttpResponse<String> read = again.get("/Users/" + userId);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals("gus.ruiz@acme.com", JSON.readTree(read.body()).get("userName").asText());
            User gus = restarted.core().users().findByEmail("gus.ruiz@acme.com").orElseThrow();
            assertEquals(MembershipStatus.ACTIVE,
                    restarted.core().memberships().find(tenant.organizationId(), gus.id()).orElseThrow().status());
        }
    }

    /** scimgate brings no SLF4J provider and no Logback configuration: the host's own provider (slf4j-simple) is the only one. */
    @Test
    void theHostsOwnLoggingIsTheOnlyLogging() {
        List<String> providers = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(provider -> provider.type().getName()).toList();
        assertEquals(List.of("org.slf4j.simple.SimpleServiceProvider"), providers);
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
        assertNull(HostAppTest.class.getClassLoader().getResource("logback.xml"), "no logback.xml on the host's classpath");
    }

    private DataSource hostDataSource() {
        database = TestDatabases.create();
        if (database.isPostgres()) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(database.jdbcUrl());
            postgres.setUser(database.user());
            postgres.setPassword(database.password());
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(database.jdbcUrl());
        return h2;
    }

    private static List<String> eventTypes(HostApplication host) {
        synchronized (host.heard) {
            return host.heard.stream().map(Event::event).toList();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An organization with the verified domain acme.com and an Okta directory, made through the host's admin API. */
    private record Tenant(HostApplication host, String organizationId, String directoryId, String scimBaseUrl, String token) {

        static Tenant create(HostApplication host) throws IOException, InterruptedException {
            String organization = admin(host, "/organizations", "{\"name\":\"Acme\"}").get("id").asText();
            String domain = admin(host, "/organizations/" + organization + "/domains",
                    "{\"domain\":\"acme.com\",\"verification\":\"manual\"}").get("id").asText();
            admin(host, "/organizations/" + organization + "/domains/" + domain + "/verify", "");
            JsonNode directory = admin(host, "/organizations/" + organization + "/directories",
                    "{\"name\":\"Okta\",\"provider\":\"okta\"}");
            return new Tenant(host, organization, directory.get("id").asText(), directory.get("scimBaseUrl").asText(),
                    directory.get("token").asText());
        }

        /** The same tenant, reached through another start of the host (the same port is not promised). */
        Tenant on(HostApplication restarted) {
            return new Tenant(restarted, organizationId, directoryId, restarted.scimUrl() + "/" + directoryId, token);
        }

        HttpResponse<String> createUser(String email) throws IOException, InterruptedException {
            String user = """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"%s",
                     "name":{"givenName":"Given","familyName":"Family"},
                     "emails":[{"value":"%s","type":"work","primary":true}],"active":true}""".formatted(email, email, email);
            return send(HttpRequest.newBuilder(URI.create(scimBaseUrl + "/Users"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString(user)));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(scimBaseUrl + path)).header("Authorization", "Bearer " + token).GET());
        }

        private static JsonNode admin(HostApplication host, String path, String body) throws IOException, InterruptedException {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(host.adminUrl() + path))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertTrue(answer.statusCode() / 100 == 2, path + " answered " + answer.statusCode() + ": " + answer.body());
            return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        }
    }
}
