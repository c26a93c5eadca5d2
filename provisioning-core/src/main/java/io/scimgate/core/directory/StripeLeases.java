package io.scimgate.core.directory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which of each directory's tally stripes this instance's open transactions hold ({@link DirectoryUserTally}):
 * a transaction takes a stripe no other holds and gives it back when it ends, so that two concurrent
 * writers of one directory on this instance never queue on one stripe while a free one is left.
 * When every stripe is taken, a stripe is shared (picked at random): the later writer waits for the
 * earlier one's commit, which is correct, only slower.
 */
final class StripeLeases {

    private final int stripes;
    /** Per directory with a lease, one bit per stripe held; a directory without leases has no entry. */
    private final ConcurrentMap<String, Long> held = new ConcurrentHashMap<>();

    StripeLeases(int stripes) {
        if (stripes < 1 || stripes > Long.SIZE) {
            throw new IllegalArgumentException("between 1 and 64 stripes");
        }
        this.stripes = stripes;
    }

    /** A stripe leased to one transaction; {@code alone} when no other open transaction of this instance holds it. */
    record Stripe(int number, boolean alone) {
    }

    /** A stripe of the directory that no other open transaction of this instance holds, else any. */
    Stripe take(String directoryId) {
        int[] taken = {-1};
        held.compute(directoryId, (id, bits) -> {
            long mask = bits == null ? 0L : bits;
            for (int stripe = 0; stripe < stripes; stripe++) {
                if ((mask & (1L << stripe)) == 0) {
                    taken[0] = stripe;
                    return mask | (1L << stripe);
                }
            }
            return bits;
        });
        if (taken[0] < 0) {
            return new Stripe(ThreadLocalRandom.current().nextInt(stripes), false);
        }
        return new Stripe(taken[0], true);
    }

    /** Ends a lease from {@link #take}: a stripe held alone is free again. */
    void giveBack(String directoryId, Stripe stripe) {
        if (!stripe.alone()) {
            return;
        }
        held.computeIfPresent(directoryId, (id, bits) -> {
            long rest = bits & ~(1L << stripe.number());
            return rest == 0 ? null : rest;
        });
    }

    /** How many stripes of the directory are held alone now (for tests). */
    int heldCount(String directoryId) {
        Long bits = held.get(directoryId);
        return bits == null ? 0 : Long.bitCount(bits);
    }
}
