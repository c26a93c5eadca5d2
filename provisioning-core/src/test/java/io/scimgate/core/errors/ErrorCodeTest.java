package io.scimgate.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

    @Test
    void everyCodeHasItsOwnWireName() {
        Set<String> wireNames = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).collect(Collectors.toSet());

        assertEquals(ErrorCode.values().length, wireNames.size());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void wireNamesAreLowerCaseWordsJoinedByUnderscores(ErrorCode code) {
        // The two events-list parameters keep their camel-case parameter name in the code, as before.
        String expected = code.name().toLowerCase().replace("created_", "created");
        assertTrue(code.wireName().equalsIgnoreCase(expected), code + " is on the wire as " + code.wireName());
    }
}
