package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Index paging (RFC 7644 §3.4.2.4, IDP-QUIRKS.md §10.14) and cursor paging (RFC 9865). */
class ScimPagingTest extends ServerTest {

    private DirectoryUsers users() {
        return server.server().core().directoryUsers();
    }

    /** Creates users straight in the core: paging is what is tested here, not POST. */
    private List<String> createUsers(int count, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userName = "%s%03d@corp.example".formatted(prefix, i);
            String familyName = i % 4 == 0 ? null : "F" + (i * 7919 % 97);
            ids.add(users().create(directory.id(), new DirectoryUserData(userName, null, true, null, "G", familyName,
                    List.of(new EmailAddress(userName, "work", true)), null, null, null,
                    "{\"userName\":\"" + userName + "\"}")).id());
        }
        return ids;
    }

    private JsonNode page(String query) {
        HttpReply reply = scim.get("Users?" + query);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("Resources").forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }

    /** Follows nextCursor from the first page to the last, failing on any repeated id. */
    private List<String> walk(String query) {
        List<String> seen = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        String cursor = "";
        for (int pages = 0; cursor != null; pages++) {
            assertTrue(pages < 500, "the walk ends");
            JsonNode page = page(query + "&cursor=" + cursor);
            for (String id : ids(page)) {
                assertTrue(unique.add(id), "no user is returned twice: " + id);
                seen.add(id);
            }
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        }
        return seen;
    }

    @Test
    void indexPagesAreStableCompleteAndCarryIntegerFields() {
        List<String> created = createUsers(250, "p");
        List<String> seen = new ArrayList<>();
        int[] expectedSizes = {100, 100, 50};
        for (int i = 0; i < 3; i++) {
            JsonNode page = page("startIndex=" + (1 + 100 * i) + "&count=100");
            assertTrue(page.get("totalResults").isInt() && page.get("itemsPerPage").isInt() && page.get("startIndex").isInt());
            assertEquals(250, page.get("totalResults").asInt());
            assertEquals(expectedSizes[i], page.get("itemsPerPage").asInt());
            assertEquals(1 + 100 * i, page.get("startIndex").asInt());
            seen.addAll(ids(page));
        }
        assertEquals(created, seen, "insertion order, every user once");
    }

    @Test
    void countIsCappedAtMaxResultsAndZeroGivesTheTrueTotal() {
        createUsers(120, "c");
        JsonNode capped = page("count=500");
        assertEquals(100, capped.get("itemsPerPage").asInt());
        assertEquals(120, capped.get("totalResults").asInt());
        JsonNode total = page("count=0");
        assertEquals(120, total.get("totalResults").asInt());
        assertEquals(0, total.get("Resources").size());
        JsonNode lenient = page("startIndex=0&count=-5");
        assertEquals(1, lenient.get("startIndex").asInt());
        assertEquals(0, lenient.get("itemsPerPage").asInt());
    }

    @Test
    void sortByOrdersPagesAndDescendingReverses() {
        createUsers(30, "s");
        JsonNode ascending = page("sortBy=userName&count=30");
        JsonNode descending = page("sortBy=userName&sortOrder=descending&count=30");
        List<String> up = new ArrayList<>();
        ascending.get("Resources").forEach(user -> up.add(user.get("userName").asText()));
        List<String> down = new ArrayList<>();
        descending.get("Resources").forEach(user -> down.add(user.get("userName").asText()));
        List<String> sorted = new ArrayList<>(up);
        sorted.sort(String::compareTo);
        assertEquals(sorted, up);
        java.util.Collections.reverse(sorted);
        assertEquals(sorted, down);
        assertScimError(scim.get("Users?sortBy=nickName"), 400, "invalidValue");
        assertScimError(scim.get("Users?sortBy=userName&sortOrder=sideways"), 400, "invalidValue");
    }

    @Test
    void aCursorWalkVisitsEveryUserOnceAndEnds() {
        List<String> created = createUsers(53, "w");
        JsonNode first = page("count=10&cursor");
        assertEquals(53, first.get("totalResults").asInt());
        assertFalse(first.has("previousCursor"));
        assertFalse(first.has("startIndex"));
        assertTrue(first.get("nextCursor").asText().matches("[A-Za-z0-9_-]+"), "unreserved characters only");
        assertEquals(created, walk("count=10"));
    }

    @Test
    void previousCursorGoesBackOnePage() {
        createUsers(25, "b");
        JsonNode first = page("count=10&cursor=");
        JsonNode second = page("count=10&cursor=" + first.get("nextCursor").asText());
        JsonNode third = page("count=10&cursor=" + second.get("nextCursor").asText());
        assertEquals(5, third.get("Resources").size());
        assertFalse(third.has("nextCursor"));
        JsonNode back = page("count=10&cursor=" + third.get("previousCursor").asText());
        assertEquals(ids(second), ids(back));
        JsonNode backAgain = page("count=10&cursor=" + back.get("previousCursor").asText());
        assertEquals(ids(first), ids(backAgain));
        assertFalse(backAgain.has("previousCursor"));
    }

    @Test
    void aSortedCursorWalkIsCompleteAndInOrderWithMissingValuesLast() {
        List<String> created = createUsers(41, "f");
        String query = "count=6&sortBy=name.familyName&sortOrder=descending";
        List<String> walked = walk(query);
        assertEquals(new HashSet<>(created), new HashSet<>(walked));
        assertEquals(ids(page(query.replace("count=6", "count=41"))), walked, "the same order as one big index page");
        List<String> filtered = walk("count=4&filter=" + URLEncoder.encode("name.familyName pr", StandardCharsets.UTF_8)
                + "&sortBy=name.familyName");
        assertEquals(30, filtered.size());
    }

    /** userName is never missing: its cursor pages start from the position in the index (Pager.beyond). */
    @Test
    void aCursorWalkByUserNameIsInCodePointOrderOfTheKeyBothWays() {
        List<String> names = List.of("b.x@corp.example", "B-y@corp.example", "a_z@corp.example", "Zed@corp.example",
                "zed.2@corp.example", "\u00e9mile@corp.example", "Ab@corp.example", "ab.1@corp.example", "~t@corp.example");
        for (String name : names) {
            users().create(directory.id(), new DirectoryUserData(name, null, true, null, null, null, List.of(), null, null,
                    null, "{\"userName\":\"" + name + "\"}"));
        }
        List<String> expected = new ArrayList<>(names);
        expected.sort((a, b) -> a.toLowerCase(java.util.Locale.ROOT).compareTo(b.toLowerCase(java.util.Locale.ROOT)));
        JsonNode onePage = page("sortBy=userName&count=20");
        List<String> sorted = new ArrayList<>();
        onePage.get("Resources").forEach(user -> sorted.add(user.get("userName").asText()));
        assertEquals(expected, sorted);
        assertEquals(ids(onePage), walk("count=2&sortBy=userName"));
        assertEquals(ids(onePage).subList(3, 6), ids(page("sortBy=userName&startIndex=4&count=3")));
        List<String> descending = ids(page("sortBy=userName&sortOrder=descending&count=20"));
        java.util.Collections.reverse(descending);
        assertEquals(ids(onePage), descending);
        List<String> middleDescending = ids(page("sortBy=userName&sortOrder=descending&startIndex=4&count=3"));
        java.util.Collections.reverse(middleDescending);
        assertEquals(ids(onePage).subList(3, 6), middleDescending);

        List<String> back = new ArrayList<>();
        JsonNode last = page("count=4&sortBy=userName&cursor=");
        while (last.has("nextCursor")) {
            last = page("count=4&sortBy=userName&cursor=" + last.get("nextCursor").asText());
        }
        JsonNode current = last;
        while (true) {
            List<String> onThisPage = ids(current);
            java.util.Collections.reverse(onThisPage);
            back.addAll(onThisPage);
            if (!current.has("previousCursor")) {
                break;
            }
            current = page("count=4&sortBy=userName&cursor=" + current.get("previousCursor").asText());
        }
        java.util.Collections.reverse(back);
        assertEquals(ids(onePage), back, "walking back with previousCursor gives the same order");
    }

    @Test
    void aCursorWalkDuringCreatesAndDeletesNeverRepeatsOrSkipsAStableUser() throws Exception {
        List<String> stable = createUsers(60, "k");
        List<String> doomed = createUsers(30, "d");
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        AtomicBoolean walking = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> writes = writer.submit(() -> {
            int n = 0;
            while (walking.get() && n < 200) {
                users().create(directory.id(), new DirectoryUserData("new" + n + "@corp.example", null, true, null, null,
                        null, List.of(), null, null, null, "{\"userName\":\"new" + n + "@corp.example\"}"));
                if (n < doomed.size()) {
                    users().delete(directory.id(), doomed.get(n), null);
                    deleted.add(doomed.get(n));
                }
                n++;
            }
            return n;
        });
        List<String> walked;
        try {
            walked = walk("count=7");
        } finally {
            walking.set(false);
        }
        assertTrue(writes.get(30, TimeUnit.SECONDS) > 0);
        writer.shutdown();
        Set<String> seen = new LinkedHashSet<>(walked);
        assertEquals(walked.size(), seen.size(), "no user twice");
        assertTrue(seen.containsAll(stable), "every user that existed throughout is seen");
    }

    @Test
    void badCursorsAndCountsAreRefused() {
        createUsers(5, "e");
        assertScimError(scim.get("Users?cursor=not-a-cursor"), 400, "invalidCursor");
        String next = page("count=2&cursor&filter=" + URLEncoder.encode("userName sw \"e\"", StandardCharsets.UTF_8))
                .get("nextCursor").asText();
        assertScimError(scim.get("Users?count=2&cursor=" + next), 400, "invalidCursor");
        assertScimError(scim.get("Users?count=0&cursor="), 400, "invalidCount");
        assertScimError(scim.get("Users?startIndex=2&cursor="), 400, "invalidValue");
    }

    @Test
    void searchByPostPagesTheSameWay() {
        List<String> created = createUsers(12, "q");
        HttpReply first = scim.post("Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"userName sw \\"q\\"","attributes":["userName"],"count":5,"cursor":""}
                """);
        assertEquals(200, first.status(), first::toString);
        assertEquals(12, first.json().get("totalResults").asInt());
        assertFalse(first.json().at("/Resources/0").has("emails"), "attributes applies");
        HttpReply second = scim.post("Users/.search", """
                {"filter":"userName sw \\"q\\"","count":5,"cursor":"%s"}
                """.formatted(first.json().get("nextCursor").asText()));
        assertEquals(created.subList(5, 10), ids(second.json()));
        HttpReply indexed = scim.post("Users/.search", "{\"startIndex\":11,\"count\":5}");
        assertEquals(created.subList(10, 12), ids(indexed.json()));
    }
}
