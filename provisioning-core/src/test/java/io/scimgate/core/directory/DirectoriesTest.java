package io.scimgate.core.directory;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.TestCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoriesTest {

    private TestCore test;
    private Directories directories;
    private Organization acme;

    @BeforeEach
    void start() {
        test = TestCore.start();
        directories = test.core().directories();
        acme = test.core().organizations().create("Acme");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void P4_aNewDirectoryComesWithOneTokenThatOpensOnlyIt() {
        Directories.Created okta = directories.create(acme.id(), "Okta", DirectoryProvider.OKTA);
        Directories.Created entra = directories.create(acme.id(), "Entra", DirectoryProvider.ENTRA);
        String token = okta.token().token();
        assertTrue(token.startsWith(Directories.TOKEN_PREFIX));
        assertEquals(okta.directory(), directories.authenticate(okta.directory().id(), token).orElseThrow());
        assertTrue(directories.authenticate(entra.directory().id(), token).isEmpty());
        assertTrue(directories.authenticate(okta.directory().id(), token + "x").isEmpty());
        assertTrue(directories.authenticate(okta.directory().id(), "").isEmpty());
        assertTrue(directories.authenticate(okta.directory().id(), null).isEmpty());
    }

    @Test
    void P4_theTokenIsStoredOnlyAsAHash() {
        Directories.Created okta = directories.create(acme.id(), "Okta", DirectoryProvider.OKTA);
        String stored = CoreInternals.database(test.core()).dsl()
                .fetchValue("select token_hash from directory_token where directory_id = ?", okta.directory().id())
                .toString();
        assertFalse(stored.contains(okta.token().token()));
        assertEquals(64, stored.length());
    }

    @Test
    void P4_atMostTwoLiveTokensAndRevocationRotatesThem() {
        Directories.Created okta = directories.create(acme.id(), "Okta", DirectoryProvider.OKTA);
        String directoryId = okta.directory().id();
        IssuedToken second = directories.issueToken(directoryId);
        ScimgateException third = assertThrows(ScimgateException.class, () -> directories.issueToken(directoryId));
        assertEquals(ErrorCode.TOO_MANY_TOKENS, third.code());

        directories.revokeToken(directoryId, okta.token().id());
        assertTrue(directories.authenticate(directoryId, okta.token().token()).isEmpty());
        assertTrue(directories.authenticate(directoryId, second.token()).isPresent());
        assertTrue(directories.issueToken(directoryId).token().startsWith(Directories.TOKEN_PREFIX));
        assertEquals(3, directories.tokens(directoryId).size());
    }

    @Test
    void providersAreNamedBySlug() {
        assertEquals(DirectoryProvider.PINGFEDERATE, DirectoryProvider.fromSlug("PingFederate"));
        assertEquals(DirectoryProvider.GENERIC, DirectoryProvider.fromSlug(null));
        ScimgateException unknown = assertThrows(ScimgateException.class, () -> DirectoryProvider.fromSlug("workday"));
        assertEquals(ErrorCode.INVALID_PROVIDER, unknown.code());
    }

    @Test
    void aDirectoryNeedsAnExistingOrganization() {
        ScimgateException notFound = assertThrows(ScimgateException.class,
                () -> directories.create("missing", "Okta", DirectoryProvider.OKTA));
        assertEquals(ErrorCode.ORGANIZATION_NOT_FOUND, notFound.code());
    }
}
