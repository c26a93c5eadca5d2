package io.scimgate.server.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.ServerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Phone numbers are values like any other: kept and returned as sent, whatever their format. SCIMple
 * M1 parses them as RFC 3966 {@code tel:} URIs when it binds a user and has its parser print a warning
 * for every other format; scimgate reads and writes users as documents, so nothing is printed.
 */
class PhoneNumbersTest extends ServerTest {

    @Test
    void phoneNumbersThatAreNotTelUrisRoundTripWithoutAWordOnTheConsole() {
        String id = scim.post("Users", """
                {"userName":"ana@x.example","phoneNumbers":[{"value":"(555) 010-0100 ext. 5","type":"work"},
                 {"value":"+1 555 0100","type":"mobile"},{"value":"tel:+1-201-555-0123","type":"home"}]}
                """).json().get("id").asText();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        JsonNode read;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            read = scim.get("Users/" + id).json();
            scim.get("Users?filter=userName%20eq%20%22ana@x.example%22");
            scim.patch("Users/" + id, io.scimgate.server.testing.ScimJson.patch(
                    "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("(555) 010-0100 ext. 5", read.at("/phoneNumbers/0/value").asText());
        assertEquals("+1 555 0100", read.at("/phoneNumbers/1/value").asText());
        assertEquals("tel:+1-201-555-0123", read.at("/phoneNumbers/2/value").asText());
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing printed while reading and patching");
    }
}
