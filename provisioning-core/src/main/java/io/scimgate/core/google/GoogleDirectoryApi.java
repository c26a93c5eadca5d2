package io.scimgate.core.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The read calls of the Admin SDK Directory API the sync needs, on the wire format:
 * {@code users.list}, {@code groups.list} and {@code members.list} (one page per call), and
 * {@code users.get} to confirm that a user the listing missed is really gone.
 */
final class GoogleDirectoryApi {

    static final int USERS_PAGE_SIZE = 500;
    static final int GROUPS_PAGE_SIZE = 200;
    static final int MEMBERS_PAGE_SIZE = 200;
    private static final String PATH = "/admin/directory/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final GoogleHttp http;
    private final AccessTokens tokens;
    private final Duration timeout;

    GoogleDirectoryApi(URI apiBaseUrl, GoogleHttp http, AccessTokens tokens, Duration timeout) {
        String base = apiBaseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = http;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /** {@code projection=full} so that custom schemas come along. */
    ApiPage users(String customer, String pageToken, int pageNumber) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("customer", customer);
        query.put("maxResults", String.valueOf(USERS_PAGE_SIZE));
        query.put("projection", "full");
        return page("users.list", "users", query, pageToken, pageNumber, "users");
    }

    /** {@code users.get}: the user with this id, or null when Google has no such user (404). */
    ObjectNode user(String userKey) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("projection", "full");
        try {
            return (ObjectNode) get("users.get of " + userKey, "users/" + encode(userKey), query);
        } catch (GoogleApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    ApiPage groups(String customer, String pageToken, int pageNumber) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("customer", customer);
        query.put("maxResults", String.valueOf(GROUPS_PAGE_SIZE));
        return page("groups.list", "groups", query, pageToken, pageNumber, "groups");
    }

    ApiPage members(String groupId, String pageToken, int pageNumber) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("maxResults", String.valueOf(MEMBERS_PAGE_SIZE));
        return page("members.list of group " + groupId, "groups/" + encode(groupId) + "/members", query, pageToken,
                pageNumber, "members");
    }

    private ApiPage page(String call, String path, Map<String, String> query, String pageToken, int pageNumber,
            String itemsField) {
        Map<String, String> parameters = new LinkedHashMap<>(query);
        if (pageToken != null) {
            parameters.put("pageToken", pageToken);
        }
        JsonNode answer = get(call + " page " + pageNumber, path, parameters);
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : answer.path(itemsField)) {
            if (item.isObject()) {
                items.add((ObjectNode) item);
            }
        }
        String next = answer.path("nextPageToken").asText("");
        return new ApiPage(items, next.isEmpty() ? null : next);
    }

    /** One GET, retried as {@link GoogleHttp} does; the answer must be a JSON object. */
    private JsonNode get(String what, String path, Map<String, String> query) {
        URI uri = URI.create(baseUrl + PATH + path + "?" + query.entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&")));
        String body = http.send(what, () -> HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + tokens.current())
                .header("Accept", "application/json")
                .GET()
                .build(), tokens::invalidate);
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer != null && answer.isObject()) {
                return answer;
            }
        } catch (IOException e) {
            // reported below, as any other answer that is not a JSON object
        }
        throw new GoogleApiException(200, null, what + " answered something that is not a JSON object");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
