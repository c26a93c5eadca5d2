package io.scimgate.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void hashIsTheHexOfSha256() {
        // FIPS 180-2 test vector for "abc".
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.hash("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SecretTokens.hash(""));
    }

    @Test
    void hashingOnManyThreadsAtOnceGivesEachTokenItsOwnHash() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(SecretTokens.generate("scim_"));
        }
        List<String> expected = tokens.stream().map(SecretTokens::hash).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> rounds = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                rounds.add(pool.submit(() -> tokens.stream().map(SecretTokens::hash).toList()));
            }
            for (Future<List<String>> round : rounds) {
                assertEquals(expected, round.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void matchesOnlyTheTokenTheHashWasMadeFrom() {
        String token = SecretTokens.generate("scim_");
        String stored = SecretTokens.hash(token);
        assertTrue(SecretTokens.matches(token, stored));
        assertFalse(SecretTokens.matches(token + "x", stored));
        assertFalse(SecretTokens.matches(null, stored));
        assertFalse(SecretTokens.matches(token, null));
    }
}
