package io.scimgate.core.domain;

import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimgate.core.ScimgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "acme.com, acme.com",
            "ACME.Com, acme.com",
            "acme.com., acme.com",
            "'  acme.com  ', acme.com",
            "sub.acme.co.uk, sub.acme.co.uk",
            "bücher.de, xn--bcher-kva.de",
            "XN--BCHER-KVA.DE, xn--bcher-kva.de",
            "my-company.io, my-company.io"})
    void P1_domainsAreStoredLowerCaseWithoutTrailingDotInPunycode(String input, String expected) {
        assertEquals(expected, DomainName.normalize(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "acme..com", "-acme.com", "acme-.com", "ac me.com", "acme.com/x",
            "@acme.com",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"})
    void P1_malformedDomainsAreRefused(String input) {
        ScimgateException refused = assertThrows(ScimgateException.class, () -> DomainName.normalize(input));
        assertEquals(ErrorCode.INVALID_DOMAIN, refused.code());
    }

    @Test
    void P1_namesLongerThan253CharactersAreRefused() {
        String longName = "abcdefghij.".repeat(23) + "com";
        assertThrows(ScimgateException.class, () -> DomainName.normalize(longName));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ana@Acme.COM, acme.com",
            "' Ana@bücher.de ', xn--bcher-kva.de",
            "a@b@acme.com, acme.com"})
    void domainOfAnEmailIsNormalised(String email, String expected) {
        assertEquals(expected, DomainName.ofEmail(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "ana@localhost"})
    void emailsWithoutUsableDomainHaveNone(String email) {
        assertNull(DomainName.ofEmail(email));
    }
}
