package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.filter;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.Http;
import io.scimgate.conformance.http.HttpReply;
import io.scimgate.conformance.http.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What identity providers' and client libraries' own SCIM test suites send, each dialect with a test
 * of its own: each was found failing by running those suites against scimgate.
 */
class ClientDialectsTest {

    private static final String ENTERPRISE = Json.ENTERPRISE;

    private Tenant tenant;
    private Http scim;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("generic");
        scim = tenant.scim;
    }

    private String user(String name, String extra) {
        String email = tenant.employee(name);
        return Json.id(scim.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"Employee"},
                 "emails":[{"value":"%s","type":"work","primary":true}]%s}
                """.formatted(email, name, email, extra)));
    }

    private Set<String> ids(JsonNode list) {
        Set<String> ids = new TreeSet<>();
        list.get("Resources").forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }

    @Test
    @DisplayName("Group members[].display is echoed as the client sent it (also sent as displayName), else derived from the user")
    void memberDisplayIsEchoedAsSent() {
        String ana = user("ana", "");
        String bo = user("bo", "");
        String cy = user("cy", "");
        String group = Json.id(scim.post("Groups", """
                {"schemas":["%s"],"displayName":"Eng","members":[
                  {"value":"%s","display":"Ana (as the IdP knows her)"},
                  {"value":"%s","displayName":"Bo the Builder"},
                  {"value":"%s"}]}
                """.formatted(Json.GROUP, ana, bo, cy)));
        Map<String, String> displays = new java.util.HashMap<>();
        expect(200, scim.get("Groups/" + group)).get("members")
                .forEach(member -> displays.put(member.get("value").asText(), member.get("display").asText()));
        assertEquals("Ana (as the IdP knows her)", displays.get(ana));
        assertEquals("Bo the Builder", displays.get(bo));
        assertEquals(tenant.employee("cy"), displays.get(cy), "derived from the user when the client sent none");

        expect(204, scim.patch("Groups/" + group, patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + cy + "\",\"display\":\"Cy\"}]}]")));
        expect(200, scim.get("Groups/" + group)).get("members")
                .forEach(member -> displays.put(member.get("value").asText(), member.get("display").asText()));
        assertEquals("Cy", displays.get(cy));
    }

    @Test
    @DisplayName("Filter values without quotes: userName sw O, name.familyName eq Employee, meta.created gt with seven fractional digits")
    void unquotedFilterValues() {
        String olga = user("olga", "");
        user("pat", "");
        assertEquals(Set.of(olga), ids(expect(200, scim.get("Users?" + filter("userName sw O")))));
        assertEquals(2, expect(200, scim.get("Users?" + filter("name.familyName eq Employee"))).get("totalResults").asInt());
        assertEquals(2, expect(200, scim.get("Users?" + filter("meta.created gt 2015-10-10T14:38:21.8617979-07:00")))
                .get("totalResults").asInt());
        assertEquals(0, expect(200, scim.get("Users?" + filter("meta.created gt 2999-10-10T14:38:21.8617979-07:00")))
                .get("totalResults").asInt());
    }

    @Test
    @DisplayName("Attribute names in any case in filters, attributes, sortBy and PATCH paths")
    void attributeNamesInAnyCase() {
        String ana = user("ana", "");
        String zed = user("zed", "");
        assertEquals(Set.of(ana), ids(expect(200, scim.get("Users?" + filter("name.FamilyName eq \"Employee\" and name.GIVENNAME eq \"ana\"")))));
        assertEquals(Set.of(zed), ids(expect(200, scim.get("Users?" + filter("emails.Value eq \"" + tenant.employee("zed") + "\"")))));
        assertEquals(2, expect(200, scim.get("Users?" + filter("meta.Created pr"))).get("totalResults").asInt());
        JsonNode projected = expect(200, scim.get("Users/" + ana + "?attributes=NAME.givenname,Emails.Value"));
        assertEquals("ana", projected.at("/name/givenName").asText());
        assertFalse(projected.has("userName"));
        JsonNode sorted = expect(200, scim.get("Users?sortBy=Name.GivenName&sortOrder=descending"));
        assertEquals(zed, sorted.at("/Resources/0/id").asText());
        expect(200, scim.patch("Users/" + ana, patch("[{\"op\":\"replace\",\"path\":\"Name.GivenName\",\"value\":\"Anna\"}]")));
        assertEquals("Anna", expect(200, scim.get("Users/" + ana)).at("/name/givenName").asText());
    }

    @Test
    @DisplayName("Extension attribute paths with a dot after the URN, in PATCH paths, filters and attributes")
    void extensionPathsWithADotAfterTheUrn() {
        String ana = user("ana", "");
        String manager = user("boss", "");
        expect(200, scim.patch("Users/" + ana, patch("[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ".manager\",\"value\":\""
                + manager + "\"},{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ".department\",\"value\":\"R&D\"}]")));
        JsonNode read = expect(200, scim.get("Users/" + ana));
        assertEquals(manager, read.at("/" + escape(ENTERPRISE) + "/manager/value").asText());
        assertEquals(Set.of(ana), ids(expect(200, scim.get("Users?" + filter(ENTERPRISE + ".department eq \"R&D\"")))));
        assertEquals(Set.of(ana), ids(expect(200, scim.get("Users?" + filter(ENTERPRISE + ":department eq \"R&D\"")))));
        JsonNode only = expect(200, scim.get("Users/" + ana + "?attributes=" + ENTERPRISE + ".department"));
        assertEquals("R&D", only.at("/" + escape(ENTERPRISE) + "/department").asText());
        assertFalse(only.at("/" + escape(ENTERPRISE)).has("manager"));
    }

    @Test
    @DisplayName("Legacy URNs (urn:scim:schemas:core:1.0, …) in filters, attributes and sortBy, not only in bodies")
    void legacyUrnsEverywhere() {
        String ana = user("ana", "");
        user("bo", "");
        assertEquals(Set.of(ana), ids(expect(200, scim.get("Users?" + filter("urn:scim:schemas:core:1.0:userName eq \""
                + tenant.employee("ana") + "\"")))));
        JsonNode projected = expect(200, scim.get("Users/" + ana + "?attributes=urn:scim:schemas:core:1.0:userName"));
        assertEquals(tenant.employee("ana"), projected.get("userName").asText());
        assertFalse(projected.has("name"));
        expect(200, scim.get("Users?sortBy=urn:scim:schemas:core:2.0:userName"));
        expect(200, scim.patch("Users/" + ana, patch("[{\"op\":\"replace\",\"path\":\"urn:scim:schemas:extension:enterprise:1.0:department\",\"value\":\"Ops\"}]")));
        assertEquals(Set.of(ana), ids(expect(200, scim.get("Users?" + filter("urn:scim:schemas:extension:enterprise:2.0:department eq \"Ops\"")))));
    }

    @Test
    @DisplayName("Resource endpoints in any case (/users, /groups, /schemas, /serviceproviderconfig) and SCIM 1.1's /ServiceProviderConfigs")
    void endpointsInAnyCase() {
        String ana = user("ana", "");
        assertEquals(ana, expect(200, scim.get("users/" + ana)).get("id").asText());
        expect(201, scim.post("groups", "{\"displayName\":\"lower\"}"));
        assertEquals(1, expect(200, scim.get("GROUPS?" + filter("displayName eq \"lower\""))).get("totalResults").asInt());
        assertEquals(4, expect(200, scim.get("schemas")).get("totalResults").asInt(), "User, EnterpriseUser, Group, Role");
        assertTrue(expect(200, scim.get("serviceproviderconfig")).at("/patch/supported").asBoolean());
        assertTrue(expect(200, scim.get("ServiceProviderConfigs")).at("/patch/supported").asBoolean());
        assertEquals("User", expect(200, scim.get("resourcetypes/User")).get("name").asText());
    }

    @Test
    @DisplayName("Discovery uses RFC 7643 §8.7 names and descriptions, lists User first, and every Schema resource has its schemas")
    void discoveryAsRfc7643Names() {
        JsonNode types = expect(200, scim.get("ResourceTypes")).get("Resources");
        assertEquals("User", types.get(0).get("name").asText());
        assertEquals("User Account", types.get(0).get("description").asText());
        assertEquals("Group", types.get(1).get("description").asText());
        for (JsonNode schema : expect(200, scim.get("Schemas")).get("Resources")) {
            assertEquals("urn:ietf:params:scim:schemas:core:2.0:Schema", schema.at("/schemas/0").asText());
        }
        JsonNode enterprise = expect(200, scim.get("Schemas/" + ENTERPRISE));
        assertEquals("Enterprise User", enterprise.get("description").asText());
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:Schema", enterprise.at("/schemas/0").asText());
        assertEquals("User Account", expect(200, scim.get("Schemas/urn:ietf:params:scim:schemas:core:2.0:User")).get("description").asText());
    }

    @Test
    @DisplayName("Schema definitions a strict client validates against: a group with members conforms to the served Group schema")
    void schemaDefinitionsLetStrictClientsValidateGroups() {
        String ana = user("ana", "");
        String group = Json.id(scim.post("Groups", Groups.group("Eng", List.of(ana))));
        JsonNode served = expect(200, scim.get("Groups/" + group));
        JsonNode schema = expect(200, scim.get("Schemas/" + Json.GROUP));
        JsonNode members = attribute(schema.get("attributes"), "members");
        for (JsonNode member : served.get("members")) {
            member.properties().forEach(field -> {
                JsonNode definition = attribute(members.get("subAttributes"), field.getKey());
                assertEquals("reference".equals(definition.get("type").asText()) || "string".equals(definition.get("type").asText()),
                        field.getValue().isTextual(), field.getKey() + " is a " + definition.get("type").asText());
            });
        }
        JsonNode userSchema = expect(200, scim.get("Schemas/urn:ietf:params:scim:schemas:core:2.0:User"));
        assertEquals("string", attribute(attribute(userSchema.get("attributes"), "groups").get("subAttributes"), "type").get("type").asText());
        assertEquals("readOnly", attribute(userSchema.get("attributes"), "groups").get("mutability").asText());
        assertEquals("writeOnly", attribute(userSchema.get("attributes"), "password").get("mutability").asText());
        assertEquals("never", attribute(userSchema.get("attributes"), "password").get("returned").asText());
        assertTrue(attribute(userSchema.get("attributes"), "id").get("caseExact").asBoolean());
        assertEquals("readOnly", attribute(userSchema.get("attributes"), "meta").get("mutability").asText());
        assertEquals("binary", attribute(attribute(userSchema.get("attributes"), "x509Certificates").get("subAttributes"), "value")
                .get("type").asText());
        JsonNode enterprise = expect(200, scim.get("Schemas/" + ENTERPRISE));
        assertEquals("reference", attribute(attribute(enterprise.get("attributes"), "manager").get("subAttributes"), "$ref")
                .get("type").asText());
    }

    @Test
    @DisplayName("Read-only sub-attributes a client sends (manager.displayName) are ignored, not stored")
    void readOnlySubAttributesAreIgnored() {
        String boss = user("boss", "");
        String ana = user("ana", ",\"" + ENTERPRISE + "\":{\"department\":\"R&D\",\"manager\":{\"value\":\"" + boss
                + "\",\"displayName\":\"Made Up\"}}");
        JsonNode manager = expect(200, scim.get("Users/" + ana)).at("/" + escape(ENTERPRISE) + "/manager");
        assertEquals(boss, manager.get("value").asText());
        assertFalse(manager.has("displayName"), manager::toString);
        expect(200, scim.patch("Users/" + ana, patch("[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE
                + "\":{\"manager\":{\"value\":\"" + boss + "\",\"displayName\":\"Again\"}}}}]")));
        assertFalse(expect(200, scim.get("Users/" + ana)).at("/" + escape(ENTERPRISE) + "/manager").has("displayName"));
    }

    @Test
    @DisplayName("A value of the wrong type is 400 invalidValue in POST, PUT and PATCH; details carry no parser internals")
    void wrongTypesAreInvalidValue() {
        String ana = user("ana", "");
        for (HttpReply reply : List.of(
                scim.post("Users", "{\"userName\":\"x@" + tenant.domain + "\",\"active\":\"perhaps\"}"),
                scim.put("Users/" + ana, "{\"userName\":\"" + tenant.employee("ana") + "\",\"emails\":{\"value\":[1,2]}}"),
                scim.patch("Users/" + ana, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":{\"x\":1}}]")),
                scim.patch("Users/" + ana, patch("[{\"op\":\"replace\",\"path\":\"name\",\"value\":\"Ana\"}]")))) {
            JsonNode error = expect(400, reply);
            assertEquals("invalidValue", error.get("scimType").asText(), reply::toString);
        }
        JsonNode malformed = expect(400, scim.post("Users", "{\"userName\": tru"));
        assertEquals("invalidSyntax", malformed.get("scimType").asText());
        assertFalse(malformed.get("detail").asText().contains("REDACTED"), malformed::toString);
        assertFalse(malformed.get("detail").asText().contains("StreamReadFeature"), malformed::toString);
    }

    @Test
    @DisplayName("A 400 does not close the keep-alive connection")
    void aBadRequestKeepsTheConnection() {
        URI base = URI.create(tenant.directory.scimBaseUrl());
        try (RawHttp http = RawHttp.connect(base.getScheme() + "://" + base.getAuthority(), Duration.ofSeconds(10))) {
            Map<String, String> headers = Map.of("Authorization", "Bearer " + tenant.directory.token(),
                    "Content-Type", "application/scim+json");
            RawHttp.Reply bad = http.exchange(RawHttp.request("POST", base.getRawPath() + "/Users", headers,
                    "{\"userName\":".getBytes(StandardCharsets.UTF_8), http.host()));
            assertEquals(400, bad.status(), bad::toString);
            assertFalse(bad.closed(), bad.headers()::toString);
            RawHttp.Reply next = http.exchange(RawHttp.request("GET", base.getRawPath() + "/Users?count=0", headers, null, http.host()));
            assertEquals(200, next.status(), next::toString);
        }
    }

    @Test
    @DisplayName("Phone numbers that are not tel: URIs are kept and returned as sent")
    void phoneNumbersAsSent() {
        String ana = user("ana", ",\"phoneNumbers\":[{\"value\":\"(555) 010-0100 ext. 5\",\"type\":\"work\"},"
                + "{\"value\":\"+1 555 0100\",\"type\":\"mobile\"}]");
        JsonNode phones = expect(200, scim.get("Users/" + ana)).get("phoneNumbers");
        assertEquals("(555) 010-0100 ext. 5", phones.get(0).get("value").asText());
        assertEquals("+1 555 0100", phones.get(1).get("value").asText());
    }

    @Test
    @DisplayName("Core attributes nested under the core schema URN, or fully qualified, are read like the plain form (RFC 7644 §3.10)")
    void coreAttributesNestedOrFullyQualified() {
        String nested = tenant.employee("nested");
        String id = Json.id(scim.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "urn:ietf:params:scim:schemas:core:2.0:User":{"userName":"%s","name":{"givenName":"Nes"},
                   "emails":[{"value":"%s","type":"work","primary":true}]}}
                """.formatted(nested, nested)));
        JsonNode user = expect(200, scim.get("Users/" + id));
        assertEquals(nested, user.get("userName").asText());
        assertEquals("Nes", user.at("/name/givenName").asText());
        assertFalse(user.has("urn:ietf:params:scim:schemas:core:2.0:User"));

        String qualified = tenant.employee("qualified");
        String other = Json.id(scim.post("Users", """
                {"urn:ietf:params:scim:schemas:core:2.0:User:userName":"%s",
                 "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName":"Qua"}
                """.formatted(qualified)));
        JsonNode read = expect(200, scim.get("Users/" + other));
        assertEquals(qualified, read.get("userName").asText());
        assertEquals("Qua", read.at("/name/familyName").asText());
    }

    @Test
    @DisplayName("The Entra profile answers PATCH with 204 No Content; Okta keeps 200 with the resource")
    void entraPatchAnswersNoContentOktaTheResource() {
        for (Map.Entry<String, Integer> provider : Map.of("entra", 204, "okta", 200).entrySet()) {
            Tenant idp = Tenant.of(provider.getKey());
            String id = idp.pushEmployees("ana").get(0);
            HttpReply reply = idp.scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]"));
            assertEquals((int) provider.getValue(), reply.status(), provider.getKey() + ": " + reply);
            assertTrue(reply.header("ETag").isPresent());
            if (provider.getValue() == 200) {
                assertEquals("Lead", reply.json().get("title").asText());
            } else {
                assertTrue(reply.body().isEmpty());
            }
            assertEquals("Lead", expect(200, idp.scim.get("Users/" + id)).get("title").asText());
        }
    }

    @Test
    @DisplayName("POST /.search at the root searches every resource type, Users first, paged by startIndex")
    void rootSearchAcrossResourceTypes() {
        String ana = user("ana", "");
        String group = Json.id(scim.post("Groups", "{\"displayName\":\"Anagram\"}"));
        JsonNode all = expect(200, scim.post(".search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"startIndex\":1,\"count\":10}"));
        assertEquals(2, all.get("totalResults").asInt());
        assertEquals(ana, all.at("/Resources/0/id").asText());
        assertEquals(group, all.at("/Resources/1/id").asText());
        assertEquals("Group", all.at("/Resources/1/meta/resourceType").asText());
        JsonNode second = expect(200, scim.post(".search", "{\"startIndex\":2,\"count\":1}"));
        assertEquals(1, second.get("itemsPerPage").asInt());
        assertEquals(group, second.at("/Resources/0/id").asText());
        JsonNode groupsOnly = expect(200, scim.post(".search", "{\"filter\":\"displayName sw \\\"Anag\\\"\"}"));
        assertEquals(Set.of(group), ids(groupsOnly), "a filter applies to every type");
        JsonNode usersOnly = expect(200, scim.post(".search", "{\"filter\":\"userName sw \\\"ana\\\"\"}"));
        assertEquals(Set.of(ana), ids(usersOnly), "Groups have no userName, so they contribute nothing");
        expect(400, scim.post(".search", "{\"filter\":\"favouriteColour eq \\\"x\\\"\"}"));
    }

    @Test
    @DisplayName("PATCH removes members through any filter on their sub-attributes, not only value eq … or …")
    void memberFiltersOnAnySubAttribute() {
        String ana = user("ana", "");
        String bo = user("bo", "");
        String cy = user("cy", "");
        String group = Json.id(scim.post("Groups", """
                {"displayName":"Eng","members":[{"value":"%s","display":"Ana"},{"value":"%s","display":"Bob"},
                 {"value":"%s","display":"Cy"}]}
                """.formatted(ana, bo, cy)));
        expect(204, scim.patch("Groups/" + group, patch("[{\"op\":\"remove\",\"path\":\"members[display sw \\\"B\\\"]\"}]")));
        Groups.assertMembers(scim, group, List.of(ana, cy));
        expect(204, scim.patch("Groups/" + group, patch("[{\"op\":\"remove\",\"path\":\"members[type eq \\\"User\\\" and display co \\\"n\\\"]\"}]")));
        Groups.assertMembers(scim, group, List.of(cy));
        expect(204, scim.patch("Groups/" + group, patch("[{\"op\":\"remove\",\"path\":\"members[value ne \\\"nobody\\\"]\"}]")));
        Groups.assertMembers(scim, group, List.of());
    }

    private static JsonNode attribute(JsonNode attributes, String name) {
        for (JsonNode attribute : attributes) {
            if (attribute.get("name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + attributes);
    }

    /** A key as a JSON Pointer token. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
