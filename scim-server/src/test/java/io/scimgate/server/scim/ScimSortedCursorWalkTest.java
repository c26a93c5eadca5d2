package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import io.scimgate.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cursor walk with sortBy returns every resource that existed throughout exactly once, whatever
 * is renamed, updated, created or deleted meanwhile (RULES.md P31): seeded random walks with
 * changes between pages that move resources across the cursor both ways, concurrent changes during
 * walks over two server instances, and cursor expiry (RFC 9865 {@code cursorTimeout}).
 */
class ScimSortedCursorWalkTest extends ServerTest {

    /** How many renames the two-instance walk lets happen per page it reads. */
    private static final int RENAMES_PER_PAGE = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LETTERS = "abcdefghij";

    /** Instead of {@link ServerTest}'s: the walks here send requests faster than a directory's default rate limit. */
    @BeforeAll
    static void startServer() {
        server = TestServer.start(Map.of("SCIMGATE_RATE_LIMIT", "100000", "SCIMGATE_RATE_BURST", "100000"));
    }

    /** Walks a resource type, doing {@code between} after each page; returns the ids in the order returned. */
    private static List<String> walk(Supplier<Http> client, String type, String query, Runnable between) {
        List<String> seen = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        String cursor = "";
        for (int pages = 0; cursor != null; pages++) {
            assertTrue(pages < 400, "the walk ends");
            Http pageClient = client.get();
            String pageQuery = type + "?" + query + "&cursor=" + cursor;
            HttpReply reply = withinRateLimit(() -> pageClient.get(pageQuery));
            assertEquals(200, reply.status(), reply::toString);
            JsonNode page = reply.json();
            for (JsonNode resource : page.get("Resources")) {
                String id = resource.get("id").asText();
                assertTrue(unique.add(id), "no resource is returned twice: " + id + " in " + query);
                seen.add(id);
            }
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            between.run();
        }
        return seen;
    }

    /** The reply, after waiting out the rate limit of a second instance (which has the default one). */
    private static HttpReply withinRateLimit(Supplier<HttpReply> request) {
        for (int attempt = 0; ; attempt++) {
            HttpReply reply = request.get();
            if (reply.status() != 429 || attempt == 20) {
                return reply;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void assertEachOnce(Set<String> existedThroughout, List<String> seen, String query) {
        Set<String> missing = new LinkedHashSet<>(existedThroughout);
        seen.forEach(missing::remove);
        assertEquals(Set.of(), missing, "every resource that existed throughout the walk is returned (" + query + ")");
    }

    private static String word(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }

    private String createUser(Random random, int n) {
        String userName = word(random) + "-" + n + "@corp.example";
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.put("userName", userName).put("externalId", word(random) + n).put("displayName", word(random))
                .put("title", word(random));
        body.putObject("name").put("givenName", word(random)).put("familyName", word(random));
        body.putArray("emails").addObject().put("value", word(random) + n + "@mail.example").put("primary", true);
        HttpReply reply = scim.post("Users", body.toString());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("id").asText();
    }

    /** A PATCH that changes the user's sort values (each with some chance), moving it in every order. */
    private void changeUser(Random random, String id, int n) {
        ObjectNode value = JSON.createObjectNode();
        if (random.nextBoolean()) {
            value.put("userName", word(random) + "-r" + n + "@corp.example");
        }
        if (random.nextBoolean()) {
            value.put("displayName", word(random));
            value.put("externalId", word(random) + "r" + n);
        }
        if (random.nextBoolean()) {
            value.putObject("name").put("familyName", word(random));
            value.put("title", word(random));
        }
        if (random.nextBoolean()) {
            value.putArray("emails").addObject().put("value", word(random) + "r" + n + "@mail.example").put("primary", true);
        }
        value.put("active", random.nextBoolean());
        ObjectNode patch = JSON.createObjectNode();
        patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        patch.putArray("Operations").addObject().put("op", "replace").set("value", value);
        assertPatched(scim.patch("Users/" + id, patch.toString()));
    }

    private static void assertPatched(HttpReply reply) {
        assertTrue(reply.status() == 200 || reply.status() == 204, reply::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "name.familyName", "displayName", "emails.value", "externalId", "title",
            "meta.lastModified", "active"})
    void aSortedWalkReturnsEveryUserThatExistedThroughoutExactlyOnceWhileUsersChange(String sortBy) {
        for (String order : List.of("ascending", "descending")) {
            Random random = new Random((sortBy + order).hashCode());
            List<String> live = new ArrayList<>();
            AtomicInteger made = new AtomicInteger();
            for (int i = 0; i < 40; i++) {
                live.add(createUser(random, made.incrementAndGet()));
            }
            Set<String> existedThroughout = new HashSet<>(live);
            String query = "sortBy=" + sortBy + "&sortOrder=" + order + "&count=" + (3 + random.nextInt(5));
            List<String> seen = walk(() -> scim, "Users", query, () -> {
                for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
                    int what = random.nextInt(10);
                    if (what < 6) {
                        changeUser(random, live.get(random.nextInt(live.size())), made.incrementAndGet());
                    } else if (what < 8) {
                        String gone = live.remove(random.nextInt(live.size()));
                        existedThroughout.remove(gone);
                        assertEquals(204, scim.delete("Users/" + gone).status());
                    } else {
                        live.add(createUser(random, made.incrementAndGet()));
                    }
                }
            });
            assertEachOnce(existedThroughout, seen, query);
        }
    }

    @Test
    void aUserNameWalkIsInTheOrderOfTheNamesAtItsStartAndShowsTheCurrentResources() {
        Map<String, String> nameAtStart = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String userName = "u%02d@corp.example".formatted(i);
            HttpReply reply = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"" + userName + "\"}");
            assertEquals(201, reply.status(), reply::toString);
            ids.add(reply.json().get("id").asText());
            nameAtStart.put(ids.get(i), userName);
        }
        List<String> seen = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        String cursor = "";
        int step = 0;
        while (cursor != null) {
            JsonNode page = scim.get("Users?sortBy=userName&count=4&cursor=" + cursor).json();
            for (JsonNode user : page.get("Resources")) {
                String id = user.get("id").asText();
                assertTrue(unique.add(id), "returned once: " + id);
                seen.add(id);
                assertEquals(scim.get("Users/" + id).json().get("userName").asText(), user.get("userName").asText(),
                        "the page shows the user as it is now");
            }
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            // One user not yet returned moves before the cursor, one already returned moves after it.
            String ahead = ids.get(Math.min(29, 4 * step + 10));
            String behind = ids.get(Math.max(0, 4 * step - 2));
            rename(ahead, "a" + step + "-" + nameAtStart.get(ahead));
            rename(behind, "z" + step + "-" + nameAtStart.get(behind));
            step++;
        }
        List<String> byNameAtStart = new ArrayList<>(ids);
        byNameAtStart.sort((a, b) -> nameAtStart.get(a).compareTo(nameAtStart.get(b)));
        assertEquals(byNameAtStart, seen, "every user once, in the order of userName at the walk's start");
    }

    private void rename(String id, String userName) {
        HttpReply reply = scim.patch("Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"" + userName + "\"}]}");
        assertEquals(200, reply.status(), reply::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName", "meta.lastModified", "externalId"})
    void aSortedWalkReturnsEveryGroupThatExistedThroughoutExactlyOnceWhileGroupsChange(String sortBy) {
        Random random = new Random(sortBy.hashCode());
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(createUser(random, 1000 + i));
        }
        List<String> live = new ArrayList<>();
        AtomicInteger made = new AtomicInteger();
        Supplier<String> createGroup = () -> {
            int n = made.incrementAndGet();
            HttpReply reply = scim.post("Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"" + word(random) + " " + n + "\",\"externalId\":\"" + word(random) + n + "\"}");
            assertEquals(201, reply.status(), reply::toString);
            return reply.json().get("id").asText();
        };
        for (int i = 0; i < 30; i++) {
            live.add(createGroup.get());
        }
        Set<String> existedThroughout = new HashSet<>(live);
        String query = "sortBy=" + sortBy + "&count=4";
        List<String> seen = walk(() -> scim, "Groups", query, () -> {
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                int what = random.nextInt(10);
                String id = live.get(random.nextInt(live.size()));
                if (what < 4) {
                    String value = "{\"displayName\":\"" + word(random) + " r" + made.incrementAndGet()
                            + "\",\"externalId\":\"" + word(random) + "r" + made.get() + "\"}";
                    assertPatched(scim.patch("Groups/" + id, patchOf("replace", null, value)));
                } else if (what < 6) {
                    String member = members.get(random.nextInt(members.size()));
                    assertPatched(scim.patch("Groups/" + id, patchOf("add", "members", "[{\"value\":\"" + member + "\"}]")));
                } else if (what < 7) {
                    // A member deleted leaves its groups, which changes their lastModified.
                    String member = members.remove(random.nextInt(members.size()));
                    assertEquals(204, scim.delete("Users/" + member).status());
                    members.add(createUser(random, 2000 + made.incrementAndGet()));
                } else if (what < 9) {
                    live.remove(id);
                    existedThroughout.remove(id);
                    assertEquals(204, scim.delete("Groups/" + id).status());
                } else {
                    live.add(createGroup.get());
                }
            }
        });
        assertEachOnce(existedThroughout, seen, query);
    }

    private static String patchOf(String op, String path, String valueJson) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op + "\","
                + (path == null ? "" : "\"path\":\"" + path + "\",") + "\"value\":" + valueJson + "}]}";
    }

    /**
     * Changes commit while walks read their pages, each page from one of two server instances on the
     * one store: a change under way when a walk starts, or committing between two pages, never makes
     * the walk skip or repeat a user.
     */
    @Test
    void walksOverTwoInstancesStayExactlyOnceUnderConcurrentRenames() throws Exception {
        Random seedRandom = new Random(42);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(createUser(seedRandom, i));
        }
        try (ScimgateServer second = ScimgateServer.start(TestServer.config(server.database(), server.adminToken()))) {
            Http other = new Http(second.baseUrl() + "/scim/v2/" + directory.id()).bearer(directory.token());
            AtomicBoolean walking = new AtomicBoolean(true);
            AtomicInteger renames = new AtomicInteger();
            AtomicInteger pages = new AtomicInteger();
            ExecutorService changers = Executors.newFixedThreadPool(3);
            List<Future<?>> running = new ArrayList<>();
            try {
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    running.add(changers.submit(() -> {
                        Random random = new Random(thread);
                        Http client = thread == 0 ? other : scim;
                        while (walking.get()) {
                            if (renames.get() >= RENAMES_PER_PAGE * (pages.get() + 1)) {
                                // Renames keep pace with the pages, not with the machine: a page's cost grows
                                // with the changes since its walk started, and a slow machine would pile them up.
                                Thread.sleep(1);
                                continue;
                            }
                            String id = ids.get(random.nextInt(ids.size()));
                            String value = "{\"userName\":\"" + word(random) + "-c" + renames.incrementAndGet()
                                    + "@corp.example\",\"displayName\":\"" + word(random) + "\"}";
                            HttpReply reply = withinRateLimit(() -> client.patch("Users/" + id, patchOf("replace", null, value)));
                            assertEquals(200, reply.status(), reply::toString);
                        }
                        return null;
                    }));
                }
                Supplier<Http> alternating = () -> pages.getAndIncrement() % 2 == 0 ? scim : other;
                for (String query : List.of("sortBy=userName&count=3", "sortBy=meta.lastModified&count=4",
                        "sortBy=displayName&sortOrder=descending&count=5", "sortBy=userName&sortOrder=descending&count=2")) {
                    int before = renames.get();
                    List<String> seen = walk(alternating, "Users", query, () -> {
                        for (int wait = 0; wait < 200 && renames.get() == before; wait++) {
                            Thread.onSpinWait();
                        }
                    });
                    assertEachOnce(new HashSet<>(ids), seen, query);
                    assertEquals(ids.size(), seen.size(), "no user twice, none extra: " + query);
                }
            } finally {
                walking.set(false);
                changers.shutdown();
                assertTrue(changers.awaitTermination(30, TimeUnit.SECONDS), "the changers stop");
            }
            for (Future<?> changer : running) {
                changer.get();
            }
            assertTrue(renames.get() > 0, "users were renamed during the walks");
        }
    }

    @Test
    void aCursorOfAWalkStartedMoreThanADayAgoHasExpiredAndTheTimeoutIsAdvertised() {
        for (int i = 0; i < 3; i++) {
            createUser(new Random(i), i);
        }
        JsonNode first = scim.get("Users?sortBy=userName&count=1&cursor=").json();
        String next = first.get("nextCursor").asText();
        assertEquals(200, scim.get("Users?sortBy=userName&count=1&cursor=" + startedAgo(next, 23 * 3600)).status(),
                "a walk of 23 hours still pages");
        assertScimError(scim.get("Users?sortBy=userName&count=1&cursor=" + startedAgo(next, 25 * 3600)), 400, "expiredCursor");
        assertEquals(86400, scim.get("ServiceProviderConfig").json().path("pagination").path("cursorTimeout").asInt());
    }

    /** The same cursor, as if its walk had started {@code seconds} ago. */
    private static String startedAgo(String cursor, long seconds) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            assertTrue(node.has("t"), "a sorted walk's cursor says when it started: " + node);
            node.put("t", Instant.now().getEpochSecond() - seconds);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
