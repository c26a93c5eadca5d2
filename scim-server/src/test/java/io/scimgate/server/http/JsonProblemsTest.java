package io.scimgate.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String describe(String body, Class<?> type) {
        return JsonProblems.describe(assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, type)));
    }

    record Token(String token) {
    }

    record Count(int count) {
    }

    @Test
    void anUnquotedTokenIsNamedButNotEchoed() {
        assertEquals("The request body is not valid JSON (line 1, column 11): Unrecognized token: was expecting (JSON String,"
                + " Number, Array, Object or token 'null', 'true' or 'false')", describe("{\"token\": sga_s3cr3t}", Token.class));
    }

    @Test
    void aNumberOutOfRangeIsNotEchoed() {
        assertEquals("Attribute 'count' cannot be read", describe("{\"count\": 98765432109876543210}", Count.class));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsAttributeOnly() {
        assertEquals("Attribute 'token' has a value of the wrong type", describe("{\"token\": [\"s3cr3t\"]}", Token.class));
    }
}
