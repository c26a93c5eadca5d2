package io.scimgate.server.scim.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Seeded generators of hostile SCIM requests, family by family: malformed JSON, filters, PATCH
 * bodies, query parameters, paths (bad percent-encoding, NUL, invalid UTF-8, dot segments), media
 * types, wrong methods and oversized bodies. Each request targets a directory through placeholders
 * ({@code {base}}, {@code {user}}, {@code {group}}) filled in when it is sent.
 */
final class HostileRequests {

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:Custom:2.0:User";

    /** One request as it goes on the wire: method, raw target, headers, body (null for none). */
    record HostileRequest(String family, String method, String target, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    + (body.length > 300 ? "… (" + body.length + " bytes)" : "");
            return family + ": " + method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target)
                    + " " + headers + " " + shown;
        }
    }

    private HostileRequests() {
    }

    static Arbitrary<HostileRequest> any() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, malformedJson()),
                net.jqwik.api.Tuple.of(4, filters()),
                net.jqwik.api.Tuple.of(5, patches()),
                net.jqwik.api.Tuple.of(3, queryParameters()),
                net.jqwik.api.Tuple.of(3, paths()),
                net.jqwik.api.Tuple.of(2, mediaTypes()),
                net.jqwik.api.Tuple.of(2, wrongMethods()),
                net.jqwik.api.Tuple.of(1, oversized()));
    }

    // --- families ---------------------------------------------------------------------------

    static Arbitrary<HostileRequest> malformedJson() {
        Arbitrary<String> resource = Arbitraries.oneOf(validUser(), validGroup());
        Arbitrary<String> broken = Combinators.combine(resource, Arbitraries.integers().between(0, 400),
                Arbitraries.of("", "}", "]", ",", "\"", ":", "null", "\\u0000", "{", "[1,", "true", "\u00ff", "\\"))
                .as((json, cut, insert) -> {
                    int at = Math.min(cut, json.length());
                    return json.substring(0, at) + insert + json.substring(at);
                });
        Arbitrary<String> wrongTypes = Arbitraries.of(
                "{\"userName\":123}", "{\"userName\":[\"a\"]}", "{\"userName\":\"x@y.z\",\"active\":\"perhaps\"}",
                "{\"userName\":\"x@y.z\",\"emails\":\"a@b.c\"}", "{\"userName\":\"x@y.z\",\"name\":\"Ana\"}",
                "{\"userName\":\"x@y.z\",\"emails\":[{\"value\":{\"x\":1}}]}", "{\"displayName\":{\"a\":1}}",
                "{\"userName\":\"x@y.z\",\"" + ENTERPRISE + "\":\"not an object\"}", "[]", "\"just a string\"", "42", "null",
                "{\"userName\":\"x@y.z\",\"meta\":{\"created\":\"yesterday\"},\"id\":\"mine\"}",
                "{\"userName\":\"x@y.z\",\"x509Certificates\":[{\"value\":[1,2,3]}]}",
                "{\"userName\":\"x@y.z\",\"active\":1e400}", "{\"userName\":\"" + "\\ud800" + "\"}");
        Arbitrary<String> deep = Arbitraries.integers().between(20, 2000).map(depth -> "{\"a\":".repeat(depth) + "1"
                + "}".repeat(depth));
        Arbitrary<String> body = Arbitraries.oneOf(broken, wrongTypes, deep, randomText(0, 200));
        return Combinators.combine(Arbitraries.of("POST", "PUT", "PATCH"), Arbitraries.of("/Users", "/Users/{user}",
                        "/Groups", "/Groups/{group}", "/Bulk", "/.search", "/Users/.search"), body)
                .as((method, path, json) -> request("malformed JSON", method, "{base}" + path, "application/scim+json", json));
    }

    static Arbitrary<HostileRequest> filters() {
        return Combinators.combine(Arbitraries.of("/Users", "/Groups"), filterText())
                .as((path, filter) -> request("filter", "GET", "{base}" + path + "?filter=" + encodeSometimes(filter), null, null));
    }

    static Arbitrary<HostileRequest> patches() {
        Arbitrary<String> operation = Combinators.combine(
                        Arbitraries.of("add", "replace", "remove", "Add", "REPLACE", "merge", "", "delete"),
                        Arbitraries.oneOf(Arbitraries.just(null), attributePath()),
                        patchValue())
                .as((op, path, value) -> "{\"op\":\"" + op + "\"" + (path == null ? "" : ",\"path\":" + quote(path))
                        + (value == null ? "" : ",\"value\":" + value) + "}");
        Arbitrary<String> operations = Arbitraries.oneOf(
                operation.list().ofMinSize(0).ofMaxSize(12).map(list -> "[" + String.join(",", list) + "]"),
                Combinators.combine(operation, Arbitraries.of(999, 1000, 1001, 2000, 10_000))
                        .as((op, count) -> "[" + String.join(",", java.util.Collections.nCopies(count, op)) + "]"),
                Arbitraries.of("null", "{}", "\"ops\"", "[1,2]", "[[]]"));
        Arbitrary<String> body = Combinators.combine(operations, Arbitraries.of(true, false))
                .as((ops, schema) -> "{" + (schema ? "\"schemas\":[\"" + PATCH_SCHEMA + "\"]," : "") + "\"Operations\":" + ops + "}");
        return Combinators.combine(Arbitraries.of("/Users/{user}", "/Groups/{group}", "/Users/{user}?attributes=userName",
                        "/Groups/{group}?excludedAttributes=members"), body)
                .as((path, json) -> request("PATCH", "PATCH", "{base}" + path, "application/scim+json", json));
    }

    static Arbitrary<HostileRequest> queryParameters() {
        Arbitrary<String> name = Arbitraries.of("startIndex", "count", "sortBy", "sortOrder", "attributes", "excludedAttributes",
                "cursor", "filter", "aadOptscim062020", "", "%zz", "a%00b");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("1", "0", "-1", "2147483648", "99999999999999999999", "1e3", "ten", "", "%", "%zz", "%ff%fe",
                        "%00", "ascending", "DESCENDING", "sideways", "userName", "name.FamilyName", "emails[type eq \"work\"].value",
                        "urn:scim:schemas:core:1.0:userName", "nickName," .repeat(300), "a".repeat(3000), "%2e%2e"),
                attributePath(), randomText(0, 60));
        Arbitrary<String> query = Combinators.combine(name, value).as((n, v) -> n + "=" + encodeSometimes(v))
                .list().ofMinSize(1).ofMaxSize(5).map(list -> String.join("&", list));
        return Combinators.combine(Arbitraries.of("/Users", "/Groups", "/Users/{user}", "/Groups/{group}", "/Schemas",
                        "/ResourceTypes"), query)
                .as((path, q) -> request("query parameters", "GET", "{base}" + path + "?" + q, null, null));
    }

    static Arbitrary<HostileRequest> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("%zz", "%", "%00", "%ff%fe", "..", ".", "%2e%2e", "%2E", "..%2FGroups", "%2f", "%5c", "a%20b",
                        "%c3%28", "%e2%82", "%f0%9f%98%80", "{user}%00", "{user}", "{group}", "Users", "users", "GROUPS",
                        "ServiceProviderConfigs", "Schemas", "urn:ietf:params:scim:schemas:core:2.0:User", "%7B%7D", "~", "-",
                        "a;b=c", "@", "'", "!$&()*+,;="),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(4).map(list -> "/" + String.join("/", list));
        return Combinators.combine(Arbitraries.of("GET", "DELETE", "PUT", "PATCH", "POST"), path)
                .as((method, p) -> request("path", method, "{base}" + p, method.equals("GET") || method.equals("DELETE") ? null
                        : "application/scim+json", method.equals("GET") || method.equals("DELETE") ? null : "{}"));
    }

    static Arbitrary<HostileRequest> mediaTypes() {
        Arbitrary<String> type = Arbitraries.of("a/b/c;;;=", "", " ", "application/scim+json; charset=latin1",
                "application/json;charset=utf-8", "text/json", "text/html", "application/xml", "*/*", "application",
                "application/", "/json", "application/json; charset", "application/json;;", "multipart/form-data; boundary=x",
                "application/scim+json; q=0.5", "application/x-www-form-urlencoded", "\u00e9/\u00e9");
        Arbitrary<String> accept = Arbitraries.of("a/b/c;;;=", "", "application/json", "application/scim+json", "text/html",
                "*/*;q=0", "application/json;q=x");
        return Combinators.combine(type, accept, Arbitraries.of("POST", "PUT", "PATCH"), Arbitraries.oneOf(validUser(),
                        Arbitraries.just("{\"schemas\":[\"" + PATCH_SCHEMA + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\","
                                + "\"value\":\"x\"}]}")))
                .as((contentType, acceptType, method, body) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Content-Type", contentType);
                    headers.put("Accept", acceptType);
                    String path = method.equals("POST") ? "/Users" : "/Users/{user}";
                    return new HostileRequest("media type", method, "{base}" + path, headers, bytes(body));
                });
    }

    static Arbitrary<HostileRequest> wrongMethods() {
        return Combinators.combine(Arbitraries.of("DELETE", "PUT", "POST", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "CONNECT"),
                        Arbitraries.of("/Users", "/Groups", "/Schemas", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
                                "/ResourceTypes", "/ResourceTypes/User", "/ServiceProviderConfig", "/Bulk", "/Users/{user}/extra",
                                "/.search", ""))
                .as((method, path) -> request("wrong method", method, "{base}" + path,
                        method.equals("PUT") || method.equals("POST") || method.equals("PATCH") ? "application/scim+json" : null,
                        method.equals("PUT") || method.equals("POST") || method.equals("PATCH") ? "{}" : null));
    }

    static Arbitrary<HostileRequest> oversized() {
        return Arbitraries.of(1_000_000, 2 * 1024 * 1024 + 1, 3 * 1024 * 1024)
                .map(size -> request("oversized", "POST", "{base}/Users", "application/scim+json",
                        "{\"userName\":\"big@x.example\",\"title\":\"" + "a".repeat(size) + "\"}"));
    }

    // --- building blocks ----------------------------------------------------------------------

    static Arbitrary<String> validUser() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(name -> """
                {"schemas":["%s","%s"],"userName":"%s@fuzz.example","active":"True",
                 "name":{"givenName":"%s","familyName":"Fuzz"},"emails":[{"value":"%s@fuzz.example","type":"work","primary":true}],
                 "%s":{"employeeNumber":"1","manager":"x"},"%s":{"costCenter":"c"}}
                """.formatted(USER_SCHEMA, CUSTOM, name, name, name, ENTERPRISE, CUSTOM));
    }

    static Arbitrary<String> validGroup() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .map(name -> "{\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"{user}\",\"display\":\"U\"}]}");
    }

    static Arbitrary<String> attributePath() {
        return Arbitraries.oneOf(
                Arbitraries.of("userName", "title", "active", "name.givenName", "Name.FamilyName", "emails", "emails.value",
                        "emails[type eq \"work\"].value", "emails[type eq work]", "emails[type eq \"work\"", "members",
                        "members[value eq \"{user}\"]", "members[display sw \"U\"]", "members.display", "id", "meta.created",
                        "groups", "password", "displayName", ENTERPRISE + ":manager", ENTERPRISE + ".manager.value",
                        ENTERPRISE + ":department", "manager", CUSTOM + ":costCenter", CUSTOM + ".site.floor", CUSTOM,
                        "urn:scim:schemas:core:1.0:userName", "urn:x:y:z:title", "a.b.c", "[", "]", "emails[", "x]y",
                        "title[value eq \"x\"]", "$ref", "urn:", ""),
                randomText(0, 40));
    }

    static Arbitrary<String> patchValue() {
        return Arbitraries.oneOf(
                Arbitraries.of((String) null),
                Arbitraries.of("\"x\"", "\"False\"", "\"True\"", "false", "1", "-1.5", "null", "[]", "{}", "[{\"value\":\"{user}\"}]",
                        "[{\"value\":\"nobody\",\"display\":\"N\"}]", "{\"givenName\":\"G\"}", "{\"title\":\"T\",\"id\":\"i\"}",
                        "{\"active\":false}", "{\"name.givenName\":\"D\",\"" + ENTERPRISE + ":department\":\"R&D\"}",
                        "{\"" + CUSTOM + "\":{\"costCenter\":\"z\"}}", "[1,[2,[3]]]", "{\"value\":{\"value\":{}}}",
                        "\"" + "v".repeat(600) + "\"", "[" + "{\"value\":\"v\"},".repeat(50) + "{\"value\":\"w\"}]"),
                randomText(0, 30).map(HostileRequests::quote));
    }

    /** Filters from the SCIM grammar's pieces, some well formed, many not. */
    static Arbitrary<String> filterText() {
        Arbitrary<String> attribute = Arbitraries.of("userName", "USERNAME", "name.familyName", "emails", "emails.value",
                "emails.type", "meta.created", "meta.lastModified", "active", "title", "displayName", "members", "members.value",
                "externalId", "id", ENTERPRISE + ":employeeNumber", ENTERPRISE + ".department", CUSTOM + ":costCenter",
                "urn:scim:schemas:core:1.0:userName", "nickName", "x", "a.b.c", "emails[type eq \"work\"].value");
        Arbitrary<String> operator = Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "EQ", "pr", "zz", "");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("\"ana\"", "ana", "\"\"", "true", "false", "null", "1", "-2.5e9",
                "2015-10-10T14:38:21.8617979-07:00", "\"2015-13-45T99:99:99Z\"", "\"a\\\"b\"", "\"%\"", "\"_\"", "\"!\"", "\"",
                "\"unterminated", "\"\\u0000\"", "\"José\"", "\"jos\\u00e9\"", "\"\\ud800\"", "\"\\q\"", "\"\\u12\"", "\"é",
                "\"\\\"", "\"\t\""), randomText(0, 12).map(HostileRequests::quote));
        Arbitrary<String> comparison = Combinators.combine(attribute, operator, value)
                .as((a, o, v) -> o.equals("pr") ? a + " pr" : a + " " + o + " " + v);
        Arbitrary<String> combined = comparison.list().ofMinSize(1).ofMaxSize(4).flatMap(parts ->
                Arbitraries.of(" and ", " or ", " AND ", " and not ", " ", " xor ").list().ofSize(parts.size() - 1).map(ops -> {
                    StringBuilder text = new StringBuilder(parts.get(0));
                    for (int i = 1; i < parts.size(); i++) {
                        text.append(ops.get(i - 1)).append(parts.get(i));
                    }
                    return text.toString();
                }));
        Arbitrary<String> wrapped = Combinators.combine(combined, Arbitraries.integers().between(0, 15),
                        Arbitraries.of("(", "not (", "[", "emails["))
                .as((inner, depth, open) -> open.repeat(depth) + inner + (open.endsWith("[") ? "]" : ")").repeat(depth));
        return Arbitraries.oneOf(combined, wrapped, randomText(0, 80),
                Arbitraries.integers().between(2000, 12_000).map(length -> "userName eq \"" + "x".repeat(length) + "\""));
    }

    static Arbitrary<String> randomText(int min, int max) {
        return Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max);
    }

    private static String encodeSometimes(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '%' && value.contains("%zz") || c == '%' && value.contains("%00") || c == '%' && value.contains("%ff")
                    || c == '%' && value.contains("%2e") || c == '%' && value.equals("%")) {
                encoded.append('%');
            } else if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~:".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static HostileRequest request(String family, String method, String target, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HostileRequest(family, method, target, headers, body == null ? null : bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** All the families, for a report of what a run covered. */
    static List<String> families() {
        return new ArrayList<>(List.of("malformed JSON", "filter", "PATCH", "query parameters", "path", "media type",
                "wrong method", "oversized"));
    }
}
