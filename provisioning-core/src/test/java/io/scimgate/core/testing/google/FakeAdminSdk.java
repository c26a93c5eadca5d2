package io.scimgate.core.testing.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Google: the OAuth 2.0 token endpoint (JWT bearer grant, signature checked
 * with the service account's public key, delegation to one admin) and the Admin SDK Directory
 * API's users.list, groups.list and members.list, on real HTTP on 127.0.0.1, in Google's wire
 * format. Pages are small (see {@link #pageSize}) so that a handful of fixtures spans several pages.
 * Faults and gates can be put on any page of any listing.
 */
public final class FakeAdminSdk implements AutoCloseable {

    public static final Set<String> SCOPES = Set.of(
            "https://www.googleapis.com/auth/admin.directory.user.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.member.readonly");
    /** The {@code aud} Google requires of an assertion, wherever the token request is sent. */
    private static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String API = "/admin/directory/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeWorkspace workspace;
    private final TestServiceAccount account;
    private final String delegatedAdmin;
    /**
     * Google's time, not the test's: the auth library signs assertions with the system clock and
     * judges its tokens' expiry by it, so "Google" checks both in real time, whatever clock the
     * test drives scimgate's own scheduling with.
     */
    private final Clock googleTime = Clock.systemUTC();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-admin-sdk");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, List<Fault>> faults = new HashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int pageSize = 2;

    /**
     * @param account whose public key verifies the assertions
     * @param delegatedAdmin the only admin the account may impersonate (domain-wide delegation)
     */
    public FakeAdminSdk(FakeWorkspace workspace, TestServiceAccount account, String delegatedAdmin) {
        this.workspace = workspace;
        this.account = account;
        this.delegatedAdmin = delegatedAdmin;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/token", exchange -> handle(exchange, this::token));
        server.createContext(API, exchange -> handle(exchange, this::directory));
        server.start();
    }

    public URI tokenUrl() {
        return URI.create(baseUrl() + "/token");
    }

    public URI apiBaseUrl() {
        return URI.create(baseUrl());
    }

    /** How many items a page holds at most (Google may return fewer than maxResults; so does the fake). */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    /**
     * Answers {@code fault} instead of page {@code page} (1-based) of {@code listing}, the next
     * {@code times} times that page is asked for. Listings: {@code users}, {@code groups},
     * {@code members:<group id>}, and {@code token} (page 1) for the token endpoint.
     */
    public synchronized void fail(String listing, int page, Fault fault, int times) {
        List<Fault> queue = faults.computeIfAbsent(listing + "#" + page, key -> new ArrayList<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    /** Holds the next request for that page until the gate is opened. */
    public Gate gate(String listing, int page) {
        Gate gate = new Gate();
        gates.put(listing + "#" + page, gate);
        return gate;
    }

    /** Every request so far, as {@code "<listing>#<page> <status>"}, e.g. {@code "users#2 403"}. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        gates.values().forEach(Gate::open);
        server.stop(0);
        executor.shutdownNow();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private interface Handler {
        Answer answer(HttpExchange exchange) throws IOException;
    }

    private record Answer(String listing, int page, int status, String body) {
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Answer answer = handler.answer(exchange);
            String key = answer.listing() + "#" + answer.page();
            Gate gate = gates.remove(key);
            if (gate != null) {
                gate.hold();
            }
            Fault fault = nextFault(key);
            if (fault != null) {
                requests.add(key + " " + (fault.cutMidBody() ? "cut" : fault.status()));
                if (fault.cutMidBody()) {
                    cut(exchange, answer.body());
                } else {
                    send(exchange, fault.status(), fault.body());
                }
                return;
            }
            requests.add(key + " " + answer.status());
            send(exchange, answer.status(), answer.body());
        }
    }

    private synchronized Fault nextFault(String key) {
        List<Fault> queue = faults.get(key);
        return queue == null || queue.isEmpty() ? null : queue.remove(0);
    }

    private Answer token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !JWT_BEARER.equals(form.get("grant_type"))) {
            return tokenError("unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
        }
        String[] jwt = form.getOrDefault("assertion", "").split("\\.");
        if (jwt.length != 3) {
            return tokenError("invalid_request", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe");
        }
        JsonNode header = FakeWorkspace.json(decode(jwt[0]));
        JsonNode claims = FakeWorkspace.json(decode(jwt[1]));
        if (!"RS256".equals(header.path("alg").asText()) || !verifies(jwt)) {
            return tokenError("invalid_grant", "Invalid JWT Signature.");
        }
        long now = googleTime.instant().getEpochSecond();
        long iat = claims.path("iat").asLong();
        long exp = claims.path("exp").asLong();
        if (iat > now + 60 || exp <= now || exp - iat > 3600) {
            return tokenError("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.");
        }
        if (!TestServiceAccount.CLIENT_EMAIL.equals(claims.path("iss").asText())
                || !GOOGLE_TOKEN_AUDIENCE.equals(claims.path("aud").asText())) {
            return tokenError("invalid_grant", "Invalid JWT: iss or aud is wrong");
        }
        Set<String> scopes = Set.of(claims.path("scope").asText().split(" "));
        if (!scopes.equals(SCOPES)) {
            return tokenError("invalid_scope", "Some requested scopes were invalid.");
        }
        if (!delegatedAdmin.equals(claims.path("sub").asText())) {
            return new Answer("token", 1, 401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Client is unauthorized"
                    + " to retrieve access tokens using this method, or client not authorized for any of the scopes requested.\"}");
        }
        String token = "ya29.fake-" + UUID.randomUUID();
        tokens.put(token, now + 3599);
        ObjectNode body = JSON.createObjectNode().put("access_token", token).put("expires_in", 3599).put("token_type", "Bearer");
        return new Answer("token", 1, 200, body.toString());
    }

    private Answer directory(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath().substring(API.length());
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (path.startsWith("users/")) {
            return user(exchange, URLDecoder.decode(path.substring(6), StandardCharsets.UTF_8), query);
        }
        String listing = path.equals("users") ? "users" : path.equals("groups") ? "groups"
                : path.startsWith("groups/") && path.endsWith("/members")
                        ? "members:" + URLDecoder.decode(path.substring(7, path.length() - 8), StandardCharsets.UTF_8)
                        : "unknown";
        int offset = offset(query.get("pageToken"));
        int page = offset / pageSize + 1;
        if (!authorised(exchange)) {
            return new Answer(listing, page, 401, Fault.invalidCredentials().body());
        }
        int maxResults = Integer.parseInt(query.getOrDefault("maxResults", "100"));
        String customer = query.get("customer");
        List<ObjectNode> items;
        String field;
        switch (listing.contains(":") ? "members" : listing) {
            case "users" -> {
                if (maxResults > 500 || !knownCustomer(customer)) {
                    return badRequest(listing, page);
                }
                items = workspace.users("full".equals(query.get("projection")));
                field = "users";
            }
            case "groups" -> {
                if (maxResults > 200 || !knownCustomer(customer)) {
                    return badRequest(listing, page);
                }
                items = workspace.groups();
                field = "groups";
            }
            case "members" -> {
                items = workspace.members(listing.substring("members:".length()));
                if (items == null || maxResults > 200) {
                    return new Answer(listing, page, items == null ? 404 : 400, Fault.error(items == null ? 404 : 400,
                            items == null ? "notFound" : "invalid", "global", items == null ? "Resource Not Found: groupKey"
                                    : "Invalid Input").body());
                }
                field = "members";
            }
            default -> {
                return new Answer(listing, page, 404, Fault.error(404, "notFound", "global", "Not Found").body());
            }
        }
        int size = Math.min(pageSize, maxResults);
        ObjectNode body = JSON.createObjectNode().put("kind", "admin#directory#" + field).put("etag", "\"list\"");
        body.putArray(field).addAll(items.subList(Math.min(offset, items.size()), Math.min(offset + size, items.size())));
        if (offset + size < items.size()) {
            body.put("nextPageToken", Base64.getUrlEncoder().encodeToString(("offset:" + (offset + size)).getBytes(StandardCharsets.UTF_8)));
        }
        return new Answer(listing, page, 200, body.toString());
    }

    /** users.get: listed in {@link #requests()} as {@code user:<key>#1}. */
    private Answer user(HttpExchange exchange, String userKey, Map<String, String> query) {
        String listing = "user:" + userKey;
        if (!authorised(exchange)) {
            return new Answer(listing, 1, 401, Fault.invalidCredentials().body());
        }
        ObjectNode user = workspace.user(userKey, "full".equals(query.get("projection")));
        return user == null
                ? new Answer(listing, 1, 404, Fault.error(404, "notFound", "global", "Resource Not Found: userKey").body())
                : new Answer(listing, 1, 200, user.toString());
    }

    private boolean authorised(HttpExchange exchange) {
        Long expiry = tokens.get(bearer(exchange));
        return expiry != null && expiry > googleTime.instant().getEpochSecond();
    }

    private static boolean knownCustomer(String customer) {
        return "my_customer".equals(customer) || FakeWorkspace.CUSTOMER_ID.equals(customer);
    }

    private static Answer badRequest(String listing, int page) {
        return new Answer(listing, page, 400, Fault.error(400, "badRequest", "global", "Bad Request").body());
    }

    private static Answer tokenError(String error, String description) {
        return new Answer("token", 1, 400, JSON.createObjectNode().put("error", error)
                .put("error_description", description).toString());
    }

    private boolean verifies(String[] jwt) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(account.publicKey());
            signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(jwt[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static int offset(String pageToken) {
        if (pageToken == null) {
            return 0;
        }
        String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
        return Integer.parseInt(decoded.substring("offset:".length()));
    }

    private static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    }

    private static String decode(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Promises the whole body, sends half, and drops the connection. */
    private static void cut(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        // Closing a fixed-length exchange before all bytes were written drops the connection.
        exchange.close();
    }

    /** A request held in the fake until the test lets it through. */
    public static final class Gate {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        void hold() {
            arrived.countDown();
            try {
                opened.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public void awaitArrival() {
            try {
                if (!arrived.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("No request reached the gate within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        public void open() {
            opened.countDown();
        }
    }
}
