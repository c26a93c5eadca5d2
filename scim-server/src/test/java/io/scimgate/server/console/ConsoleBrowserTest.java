package io.scimgate.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scimgate.core.testing.google.FakeAdminSdk;
import io.scimgate.core.testing.google.FakeWorkspace;
import io.scimgate.core.testing.google.TestServiceAccount;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium, as an operator onboarding a customer uses it: sign in,
 * create an organization, add and verify a domain, create a directory and copy its token, watch a
 * push arrive, read the directory's groups and edit its attribute mapping, map a group to a role of
 * the catalogue, watch a Google sync's progress, resend an invitation and a webhook event,
 * re-invite, read events and webhook deliveries.
 */
@Tag("browser")
class ConsoleBrowserTest {

    private static final String GOOGLE_ADMIN = "admin@acme.com";
    private static final TestServiceAccount GOOGLE_ACCOUNT = TestServiceAccount.create();
    private static FakeAdminSdk fakeGoogle;
    private static TestServer server;
    private static Browser browser;
    private static final List<String> SECRETS = new ArrayList<>();

    @BeforeAll
    static void start() {
        FakeWorkspace workspace = new FakeWorkspace();
        workspace.addUser("201", "lu@acme.com", "Lu", "Park");
        workspace.addUser("202", "mo@acme.com", "Mo", "Reyes");
        workspace.addUser("203", "ned@acme.com", "Ned", "Ito");
        workspace.addGroup("g-sales", "sales@acme.com", "Sales");
        workspace.addUserMember("g-sales", "201");
        fakeGoogle = new FakeAdminSdk(workspace, GOOGLE_ACCOUNT, GOOGLE_ADMIN);
        fakeGoogle.pageSize(2);
        server = TestServer.start(Map.of(
                "SCIMGATE_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "SCIMGATE_GOOGLE_TOKEN_URL", fakeGoogle.tokenUrl().toString(),
                "SCIMGATE_GOOGLE_API_URL", fakeGoogle.apiBaseUrl().toString()));
        browser = Browser.start();
        browser.allowClipboard(server.url());
        SECRETS.add(server.adminToken());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (fakeGoogle != null) {
            fakeGoogle.close();
        }
    }

    @Test
    void operatorOnboardsACustomerFromSignInToProvisionedUsers() throws IOException {
        AdminClient admin = server.admin();
        signIn("");
        browser.waitForText(By.cssSelector("main"), "Get started");
        assertEquals("Skip to content", browser.script("return document.querySelector("
                + "'a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').textContent"),
                "the keyboard's first stop");
        browser.script("document.querySelector('.skip-link').focus()");
        assertTrue(browser.find(By.cssSelector(".skip-link")).isDisplayed(), "shown while it has the focus");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertEquals("main", browser.script("return document.activeElement.id"));
        assertTrue(browser.find(By.cssSelector(".steps li.current")).getText().contains("Create an organization"));
        browser.screenshot("02-organizations-empty");

        // 1. An organization
        browser.find(By.cssSelector("form[aria-label='New organization'] input[name=name]")).sendKeys("Acme");
        browser.find(By.cssSelector("form[aria-label='New organization'] button[type=submit]")).click();
        browser.waitForText(By.cssSelector("main h1"), "Acme");
        assertEquals("H1", browser.script("return document.activeElement.tagName"), "focus moves to the new page's heading");
        String organizationId = browser.driver().getCurrentUrl().replaceAll(".*#/organizations/", "");
        assertEquals("Acme", admin.get("organizations/" + organizationId).get("name").asText());
        browser.waitForText(By.id("next-step"), "Add the domain below");

        // 2. Domains: one the operator vouches for, verified now; one by DNS, showing its TXT record
        addDomain("acme.com", "manual");
        WebElement acme = browser.find(By.cssSelector("tr[data-domain='acme.com']"));
        assertTrue(acme.getText().contains("pending"), acme.getText());
        acme.findElement(By.xpath(".//button[text()='Verify now']")).click();
        browser.waitForText(By.cssSelector("tr[data-domain='acme.com']"), "verified");
        addDomain("acme.net", "dns");
        WebElement dns = browser.find(By.cssSelector("tr[data-domain='acme.net']"));
        JsonNode dnsDomain = StreamSupport.stream(admin.get("organizations/" + organizationId + "/domains").get("data").spliterator(), false)
                .filter(d -> d.get("domain").asText().equals("acme.net")).findFirst().orElseThrow();
        assertEquals(dnsDomain.at("/dnsRecord/name").asText(),
                dns.findElement(By.cssSelector("input[id][readonly]")).getAttribute("value"));
        dns.findElement(By.cssSelector("button[aria-label='Copy TXT record value for acme.net']")).click();
        assertEquals(dnsDomain.at("/dnsRecord/value").asText(), browser.clipboard());
        browser.waitForText(By.id("next-step"), "Create it below");
        browser.screenshot("03-organization-domains");

        // 3. A directory, its URL and token copied as an operator would
        browser.find(By.cssSelector("form[aria-label='New directory'] input[name=name]")).sendKeys("Okta");
        new Select(browser.find(By.cssSelector("form[aria-label='New directory'] select[name=provider]"))).selectByValue("okta");
        browser.find(By.cssSelector("form[aria-label='New directory'] button[type=submit]")).click();
        WebElement created = browser.find(By.cssSelector("#created-directory .one-time"));
        assertTrue(created.getText().contains("shown only this once"), created.getText());
        created.findElement(By.cssSelector("button[aria-label='Copy SCIM base URL']")).click();
        String scimBaseUrl = browser.clipboard();
        created.findElement(By.cssSelector("button[aria-label='Copy Bearer token']")).click();
        String token = browser.clipboard();
        SECRETS.add(token);
        assertTrue(token.length() > 20, token);
        assertTrue(scimBaseUrl.startsWith(server.url() + "/scim/v2/"), scimBaseUrl);
        browser.screenshot("04-directory-created");
        browser.waitForText(By.id("next-step"), "Open the directory, copy its SCIM base URL and token");
        assertSecretsNeverLeaveMemory();

        // 4. The IdP pushes two people with the copied URL and token
        Http idp = new Http(scimBaseUrl).bearer(token);
        String anaScimId = pushUser(idp, "ana@acme.com", "Ana", "Lee").json().get("id").asText();
        assertEquals(201, pushUser(idp, "gus@contractor.io", "Gus", "Ruiz").status());
        assertEquals(201, idp.post("Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering",
                 "members":[{"value":"%s"}]}
                """.formatted(anaScimId)).status());

        browser.find(By.linkText("Open Okta")).click();
        WebElement logLine = browser.waitForText(By.cssSelector("#provisioning-log tr"),
                "pending: domain contractor.io not verified for Acme");
        assertTrue(logLine.getText().contains("POST /Users"), logLine.getText());
        assertTrue(logLine.getText().contains("201"), logLine.getText());
        assertTrue(logLine.getText().contains("membership created: pending"), logLine.getText());
        assertTrue(logLine.getText().contains("invitation created for gus@contractor.io"), logLine.getText());
        browser.waitForText(By.cssSelector("#provisioning-log tr"), "active member of Acme: domain acme.com is verified");
        browser.waitFor(d -> d.findElement(By.id("directory-health")).getText().contains("Requests, 24 h\n3")); // two users and a group
        WebElement ana = browser.find(By.cssSelector("tr[data-user-name='ana@acme.com']"));
        assertTrue(ana.getText().contains("provisioned"), ana.getText());
        assertTrue(ana.getText().contains("yes"), "active in the IdP: " + ana.getText());
        assertTrue(browser.find(By.cssSelector("tr[data-user-name='gus@contractor.io']")).getText().contains("provisioned"));

        browser.waitForText(By.cssSelector("#provisioning-log tr[data-path='Groups']"), "ana@acme.com added to group Engineering");

        // 4b. The directory's groups, one group's users, and an attribute mapping edited in place
        WebElement engineering = browser.waitForText(By.cssSelector("#directory-groups tr[data-group='Engineering']"), "Engineering");
        assertTrue(engineering.getText().matches("(?s).*Engineering\\s+1\\s.*"), "one member: " + engineering.getText());
        engineering.findElement(By.xpath(".//button[text()='Show users']")).click();
        browser.waitForText(By.id("directory-users"), "1 of 1 users");
        assertTrue(browser.find(By.cssSelector("tr[data-user-name='ana@acme.com']")).getText().contains("Engineering"));
        assertTrue(browser.driver().findElements(By.cssSelector("tr[data-user-name='gus@contractor.io']")).isEmpty());
        assertEquals("group", browser.script("return document.activeElement.name"), "the keyboard is on the group filter");
        new Select(browser.find(By.cssSelector("select[name=group]"))).selectByValue("");
        browser.waitForText(By.id("directory-users"), "2 of 2 users");
        browser.waitForText(By.id("attribute-mappings"), "No custom attribute");
        browser.find(By.xpath("//button[text()='Add attribute']")).click();
        assertEquals("Custom attribute", browser.script("return document.activeElement.getAttribute('aria-label')"));
        browser.find(By.cssSelector("#attribute-mappings input[name=name]")).sendKeys("givenName");
        browser.find(By.cssSelector("#attribute-mappings input[name=path]")).sendKeys("name.givenName");
        browser.find(By.xpath("//button[text()='Save attribute mappings']")).click();
        WebElement anaWithAttributes = browser.waitForText(By.cssSelector("tr[data-user-name='ana@acme.com']"), "givenName");
        assertTrue(anaWithAttributes.getText().contains("Ana"), anaWithAttributes.getText());
        String directoryId = scimBaseUrl.replaceAll(".*/", "");
        assertEquals("name.givenName", admin.get("directories/" + directoryId + "/attribute-mappings").get("givenName").asText());
        browser.screenshot("05a-directory-groups-attributes");
        new Select(browser.find(By.cssSelector("select[name=state]"))).selectByValue("missing_email");
        browser.waitForText(By.id("directory-users"), "No user matches these filters");
        new Select(browser.find(By.cssSelector("select[name=state]"))).selectByValue("");
        browser.find(By.cssSelector("input[name=q]")).sendKeys("contractor");
        browser.waitForText(By.id("directory-users"), "1 of 2 users");
        browser.screenshot("05-directory");

        // 5. Token rotation: a second live token, then the first revoked
        browser.find(By.xpath("//button[text()='Issue a new token']")).click();
        WebElement issued = browser.find(By.cssSelector("#issued-token .one-time"));
        issued.findElement(By.cssSelector("button[aria-label='Copy New bearer token']")).click();
        String newToken = browser.clipboard();
        SECRETS.add(newToken);
        assertEquals(2, browser.driver().findElements(By.cssSelector("#tokens tr[data-state='active']")).size());
        Http idpWithNewToken = new Http(scimBaseUrl).bearer(newToken);
        assertEquals(200, idpWithNewToken.get("Users").status());
        assertEquals(200, idp.get("Users").status(), "the old token still works until it is revoked");
        WebElement oldTokenRow = browser.driver().findElements(By.cssSelector("#tokens tr[data-state='active']")).get(0);
        oldTokenRow.findElement(By.xpath(".//button[text()='Revoke']")).click();
        browser.find(By.xpath("//button[text()='Yes, revoke']")).click();
        browser.waitFor(d -> d.findElements(By.cssSelector("#tokens tr[data-state='revoked']")).size() == 1);
        assertEquals(401, idp.get("Users").status(), "the revoked token is refused");
        assertEquals(200, idpWithNewToken.get("Users").status());
        WebElement refused = browser.waitForText(By.cssSelector("#provisioning-log tr[data-status='401']"),
                "refused: A valid bearer token of this directory is required");
        assertTrue(refused.getText().contains("GET /Users"), refused.getText());
        browser.waitFor(d -> d.findElement(By.id("directory-health")).getText().contains("Errors, 24 h\n1"));
        browser.screenshot("06-directory-rotated");
        hideStatusToast();
        browser.screenshot("readme-directory", browser.find(By.xpath("//section[h2='Health']")),
                browser.find(By.xpath("//section[h2='Provisioning log']")), 0.75);

        // 6. The people the push made: an active member and an invited one
        assertEquals(200, admin.http().put("organizations/" + organizationId + "/roles", """
                [{"slug":"member","name":"Member","default":true},{"slug":"admin","name":"Admin"}]
                """).status());
        browser.find(By.linkText("Acme")).click();
        browser.waitForText(By.cssSelector("#members tr[data-email='ana@acme.com']"), "active");
        browser.waitForText(By.cssSelector("#members tr[data-email='gus@contractor.io']"), "pending");
        assertTrue(browser.find(By.cssSelector("#members tr[data-email='ana@acme.com']")).getText().contains("Okta"),
                "the member's row names the directory that manages it");
        assertTrue(browser.find(By.id("next-step")).getText().isEmpty(), "onboarding is done once users arrived");
        WebElement gusInvitation = browser.find(By.cssSelector("#invitations tr[data-email='gus@contractor.io']"));
        assertTrue(gusInvitation.getText().contains("not sent"), gusInvitation.getText());
        assertTrue(gusInvitation.getText().contains("No invitation sender is configured"), gusInvitation.getText());

        // 6b. The role catalogue next to the group → role mappings: Engineering makes its members admins
        assertTrue(browser.waitForText(By.cssSelector("#roles tr[data-role='member']"), "Member").getText().contains("default"));
        assertTrue(browser.find(By.cssSelector("#roles tr[data-role='admin']")).getText().contains("Admin"));
        browser.find(By.xpath("//button[text()='Add mapping']")).click();
        new Select(browser.find(By.cssSelector("form[aria-label='Group to role mappings'] select[name=groupId]")))
                .selectByVisibleText("Engineering (Okta)");
        new Select(browser.find(By.cssSelector("form[aria-label='Group to role mappings'] select[name=role]"))).selectByValue("admin");
        browser.find(By.xpath("//button[text()='Save mappings']")).click();
        browser.waitForText(By.cssSelector("#members tr[data-email='ana@acme.com']"), "admin");
        JsonNode mapping = admin.get("organizations/" + organizationId + "/group-roles").at("/mappings/0");
        assertEquals("admin", mapping.get("role").asText());
        assertEquals(admin.get("directories/" + directoryId + "/groups").at("/data/0/id").asText(), mapping.get("groupId").asText());
        browser.screenshot("06b-organization-roles");
        WebElement invitation = browser.find(By.cssSelector("#invitations tr[data-email='gus@contractor.io']"));
        invitation.findElement(By.xpath(".//button[text()='Resend']")).click();
        WebElement link = browser.find(By.cssSelector("#invitations .one-time"));
        String acceptUrl = link.findElement(By.cssSelector("input")).getAttribute("value");
        assertTrue(acceptUrl.contains("token="), acceptUrl);
        SECRETS.add(acceptUrl.replaceAll(".*token=", ""));
        assertEquals(1, admin.get("events?events=invitation.resent&organizationId=" + organizationId).get("data").size());
        browser.screenshot("07-organization");
        hideStatusToast();
        browser.screenshot("readme-organization", browser.find(By.cssSelector(".page-header")),
                browser.find(By.xpath("//section[h2='Members']")), 0.75);

        // 7. A Google Workspace directory before its settings are saved
        DirectoryAccess google = admin.createDirectory(organizationId, "Google Workspace", "google");
        browser.open(server.url() + "/console/#/directories/" + google.id());
        browser.waitForText(By.id("google-settings"), "Not set up yet");
        browser.waitForText(By.id("google-runs"), "No run yet");
        assertTrue(browser.find(By.cssSelector("form[aria-label='Google sync settings'] textarea[name=serviceAccountKey]"))
                .getAttribute("required") != null, "a first set-up needs the key");
        browser.screenshot("08-directory-google");

        // 7b. Its first sync, followed while it runs: the fake Google holds the second page of users
        FakeAdminSdk.Gate secondPageOfUsers = fakeGoogle.gate("users", 2);
        WebElement googleForm = browser.find(By.cssSelector("form[aria-label='Google sync settings']"));
        googleForm.findElement(By.cssSelector("input[name=adminEmail]")).sendKeys(GOOGLE_ADMIN);
        googleForm.findElement(By.cssSelector("textarea[name=serviceAccountKey]")).sendKeys(GOOGLE_ACCOUNT.keyJson());
        googleForm.findElement(By.cssSelector("button[type=submit]")).click();
        try {
            secondPageOfUsers.awaitArrival();
            // groups (1 page), members of Sales (1 page), users page 1 (Lu, Mo): 3 pages, 2 users written
            browser.waitForText(By.id("google-progress"), "3 pages fetched from Google, 2 users written so far");
            assertTrue(browser.find(By.cssSelector("#google-runs tr[data-status='running']")).getText()
                    .contains("3 pages fetched, 2 users written"));
            browser.screenshot("08b-directory-google-running");
        } finally {
            secondPageOfUsers.open();
        }
        browser.waitForText(By.cssSelector("#google-runs tr[data-status='succeeded']"), "4 pages fetched, 3 users written");
        assertTrue(browser.driver().findElements(By.id("google-progress")).isEmpty(), "no progress line once it finished");
        browser.waitForText(By.id("directory-users"), "3 of 3 users");

        // 8. The event log, filtered, with a payload opened
        browser.find(By.linkText("Events")).click();
        browser.find(By.cssSelector("input[name=events]")).sendKeys("invitation.created");
        new Select(browser.find(By.cssSelector("select[name=organizationId]"))).selectByVisibleText("Acme");
        browser.find(By.cssSelector("form[aria-label='Event filters'] button[type=submit]")).click();
        browser.waitFor(d -> d.findElements(By.cssSelector("tr[data-event]")).size() == 1
                && d.findElements(By.cssSelector("tr[data-event='invitation.created']")).size() == 1);
        browser.find(By.cssSelector("tr[data-event='invitation.created'] summary")).click();
        assertTrue(browser.find(By.cssSelector("tr[data-event='invitation.created'] pre")).getText().contains("gus@contractor.io"));
        browser.screenshot("09-events");

        // 9. A webhook endpoint and its delivery attempts
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            browser.find(By.linkText("Webhooks")).click();
            browser.find(By.cssSelector("input[name=url]")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
            browser.find(By.cssSelector("form[aria-label='New webhook endpoint'] button[type=submit]")).click();
            String secret = browser.find(By.cssSelector("#created-webhook input")).getAttribute("value");
            SECRETS.add(secret);
            assertEquals(201, pushUser(idpWithNewToken, "bo@acme.com", "Bo", "Kim").status());
            browser.waitFor(d -> !delivered.isEmpty());
            String webhookId = admin.get("webhooks").get("data").get(0).get("id").asText();
            // The dispatcher records the attempt once the receiver has answered.
            browser.waitFor(d -> admin.get("webhooks/" + webhookId + "/attempts").get("data").size() > 0);
            browser.find(By.xpath("//button[text()='Attempts']")).click();
            browser.waitForText(By.id("webhook-attempts"), "delivered");
            int attemptsShown = browser.driver().findElements(By.cssSelector("#webhook-attempts tr[data-event-id]")).size();
            WebElement newest = browser.find(By.cssSelector("#webhook-attempts tr[data-event-id]"));
            String resentEventId = newest.getAttribute("data-event-id");
            int deliveredBefore = delivered.size();
            newest.findElement(By.xpath(".//button[text()='Resend']")).click();
            browser.waitFor(d -> new ArrayList<>(delivered).subList(deliveredBefore, delivered.size()).stream()
                    .anyMatch(body -> body.contains("\"id\":" + resentEventId + ",")));
            browser.waitFor(d -> StreamSupport.stream(admin.get("webhooks/" + webhookId + "/attempts").get("data").spliterator(), false)
                    .filter(attempt -> attempt.get("eventId").asText().equals(resentEventId)).count() == 2);
            browser.find(By.xpath("//button[text()='Attempts']")).click();
            browser.waitFor(d -> d.findElements(By.cssSelector(
                    "#webhook-attempts tr[data-event-id='" + resentEventId + "'][data-outcome='delivered']")).size() == 2);
            assertTrue(browser.driver().findElements(By.cssSelector("#webhook-attempts tr[data-event-id]")).size() > attemptsShown);
            browser.screenshot("10-webhooks");
        } finally {
            receiver.stop(0);
        }

        // 9b. A revoked invitation, re-invited
        browser.find(By.linkText("Organizations")).click();
        browser.find(By.linkText("Acme")).click();
        browser.find(By.cssSelector("#invitations tr[data-email='gus@contractor.io']"))
                .findElement(By.xpath(".//button[text()='Revoke']")).click();
        browser.find(By.xpath("//button[text()='Yes, revoke']")).click();
        browser.waitForText(By.id("invitations"), "No pending invitation");
        new Select(browser.find(By.cssSelector("select[name=state]"))).selectByValue("revoked");
        browser.waitForText(By.cssSelector("#invitations tr[data-email='gus@contractor.io']"), "revoked")
                .findElement(By.cssSelector("button[aria-label='Re-invite gus@contractor.io']")).click();
        String reinvitedUrl = browser.find(By.cssSelector("#invitations .one-time input")).getAttribute("value");
        SECRETS.add(reinvitedUrl.replaceAll(".*token=", ""));
        JsonNode pendingAgain = admin.get("invitations?organizationId=" + organizationId + "&state=pending").get("data");
        assertEquals(1, pendingAgain.size(), pendingAgain::toString);
        assertEquals("gus@contractor.io", pendingAgain.get(0).get("email").asText());
        browser.screenshot("09b-organization-reinvited");

        // 10. On a phone: the organization page fits the width, tables scroll inside their box
        browser.open(server.url() + "/console/#/organizations/" + organizationId);
        browser.waitForText(By.cssSelector("#members tr[data-email='ana@acme.com']"), "active");
        browser.resize(390, 844);
        assertTrue((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling of the page at 390 px");
        browser.screenshot("11-organization-phone");
        browser.resize(1280, 900);

        // 11. A reload or signing out forgets the token
        assertSecretsNeverLeaveMemory();
        browser.driver().navigate().refresh();
        browser.find(By.cssSelector(".sign-in input[name=token]"));
        signIn("#/events");
        browser.find(By.cssSelector("form[aria-label='Event filters']"));
        browser.find(By.id("sign-out")).click();
        browser.find(By.cssSelector(".sign-in input[name=token]"));
        assertTrue(browser.driver().findElements(By.cssSelector("form[aria-label='Event filters']")).isEmpty());
        assertEquals(List.of(), browser.severeLogEntries(), "no script error or blocked resource");
    }

    /** Opens the console at {@code route} (a fresh page, so signed out) and signs in, after one refused try. */
    private void signIn(String route) {
        browser.open("about:blank");
        browser.open(server.url() + "/console/" + route);
        WebElement token = browser.find(By.cssSelector(".sign-in input[name=token]"));
        token.sendKeys("not-the-admin-token", Keys.ENTER);
        browser.waitForText(By.cssSelector(".form-error"), "did not accept this token");
        browser.screenshot("01-sign-in");
        browser.severeLogEntries(); // the refused attempt logs its 401; start counting after it
        token.clear();
        token.sendKeys(server.adminToken(), Keys.ENTER);
        browser.find(By.id("sign-out"));
    }

    private void addDomain(String domain, String verification) {
        browser.find(By.cssSelector("form[aria-label='Add a domain'] input[name=domain]")).sendKeys(domain);
        new Select(browser.find(By.cssSelector("form[aria-label='Add a domain'] select[name=verification]"))).selectByValue(verification);
        browser.find(By.cssSelector("form[aria-label='Add a domain'] button[type=submit]")).click();
        browser.find(By.cssSelector("tr[data-domain='" + domain + "']"));
    }

    private static HttpReply pushUser(Http idp, String email, String givenName, String familyName) {
        return idp.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"%s"},
                 "emails":[{"value":"%s","type":"work","primary":true}],"active":true}
                """.formatted(email, givenName, familyName, email));
    }

    /** The README's pictures show the page, not the passing confirmation of the last click. */
    private static void hideStatusToast() {
        browser.script("document.getElementById('status').replaceChildren()");
    }

    /** No token or secret in the address bar, web storage or cookies: only in the page's memory. */
    private static void assertSecretsNeverLeaveMemory() {
        String url = browser.driver().getCurrentUrl();
        String stored = (String) browser.script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        for (String secret : SECRETS) {
            assertFalse(url.contains(secret), "secret in the URL " + url);
            assertFalse(stored.contains(secret), "secret in web storage or cookies");
        }
        assertEquals("{}{}", stored);
        assertTrue(browser.driver().manage().getCookies().isEmpty());
    }
}
