package io.scimgate.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.server.scim.ScimErrors;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every error code of the core's catalogue has its status in the admin API and in the SCIM API. */
class ErrorCodeStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<ScimgateException.Kind, Integer> STATUS_OF_KIND = Map.of(
            ScimgateException.Kind.INVALID, 400,
            ScimgateException.Kind.NOT_FOUND, 404,
            ScimgateException.Kind.CONFLICT, 409,
            ScimgateException.Kind.PRECONDITION_FAILED, 412);

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void adminApiAnswersEveryCodeWithItsKindsStatusAndItsWireName(ErrorCode code) {
        Response response = AdminErrors.response(new ScimgateException(code, "refused"));

        assertEquals(STATUS_OF_KIND.get(code.kind()), response.getStatus());
        @SuppressWarnings("unchecked")
        Map<String, String> body = (Map<String, String>) response.getEntity();
        assertEquals(code.wireName(), body.get("code"));
        assertEquals("refused", body.get("message"));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void scimApiAnswersEveryCodeWithItsKindsStatusAndAScimErrorBody(ErrorCode code) throws Exception {
        Response response = ScimErrors.response(new ScimgateException(code, "refused"));

        int status = STATUS_OF_KIND.get(code.kind());
        assertEquals(status, response.getStatus());
        JsonNode body = JSON.readTree((String) response.getEntity());
        assertEquals(ScimErrors.ERROR_SCHEMA, body.get("schemas").get(0).asText());
        assertEquals(String.valueOf(status), body.get("status").asText());
        assertEquals("refused", body.get("detail").asText());
        switch (code.kind()) {
            case INVALID -> assertEquals("invalidValue", body.get("scimType").asText());
            case CONFLICT -> assertEquals("uniqueness", body.get("scimType").asText());
            case NOT_FOUND, PRECONDITION_FAILED -> assertNull(body.get("scimType"));
        }
    }
}
