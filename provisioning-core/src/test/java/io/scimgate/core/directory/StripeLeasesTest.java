package io.scimgate.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How this instance's transactions lease a directory's tally stripes (DirectoryUserTally). */
class StripeLeasesTest {

    private final StripeLeases leases = new StripeLeases(2);

    @Test
    void concurrentLeasesOfOneDirectoryTakeDifferentStripesAndAnotherDirectoryHasItsOwn() {
        StripeLeases.Stripe first = leases.take("d1");
        StripeLeases.Stripe second = leases.take("d1");
        StripeLeases.Stripe elsewhere = leases.take("d2");

        assertTrue(first.alone() && second.alone() && elsewhere.alone());
        assertNotEquals(first.number(), second.number());
        assertEquals(0, elsewhere.number());
        assertEquals(2, leases.heldCount("d1"));
    }

    @Test
    void whenEveryStripeIsLeasedOneIsSharedAndGivingItBackFreesNothing() {
        StripeLeases.Stripe first = leases.take("d1");
        StripeLeases.Stripe second = leases.take("d1");
        StripeLeases.Stripe shared = leases.take("d1");

        assertFalse(shared.alone());
        assertTrue(shared.number() == first.number() || shared.number() == second.number());
        leases.giveBack("d1", shared);
        assertEquals(2, leases.heldCount("d1"));
    }

    @Test
    void aStripeGivenBackIsTakenAgainAndADirectoryWithoutLeasesIsForgotten() {
        StripeLeases.Stripe first = leases.take("d1");
        StripeLeases.Stripe second = leases.take("d1");
        leases.giveBack("d1", first);

        assertEquals(first.number(), leases.take("d1").number());
        leases.giveBack("d1", first);
        leases.giveBack("d1", second);
        assertEquals(0, leases.heldCount("d1"));
    }
}
