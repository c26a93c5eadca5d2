package io.scimgate.core.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULES.md P32: when anchors are built, which one a page starts from, and when they are dropped. */
class OrderAnchorsTest {

    private final OrderAnchors anchors = new OrderAnchors();

    @Test
    void anchorsAreBuiltOnlyOnceTheSameVersionIsSeenTwiceAndByOnePage() {
        assertFalse(anchors.seen("d", "", 7), "first sight of version 7");
        assertTrue(anchors.seen("d", "", 7), "seen again: this page builds");
        assertFalse(anchors.seen("d", "", 7), "a racing page leaves it to the one building");
        anchors.notBuilt("d", "", 7);
        assertTrue(anchors.seen("d", "", 7), "after a failed build the next page tries again");
        assertFalse(anchors.seen("d", "", 8), "a new version starts over");
        assertNull(anchors.built("d", ""));
    }

    @Test
    void anchorsAreUsableAsSoonAsTheyAreTakenAndAHalfTakenSetIsTakenAgain() {
        anchors.seen("d", "", 5);
        assertTrue(anchors.seen("d", "", 5));
        assertNull(anchors.built("d", ""), "none taken yet");
        anchors.taken("d", "", 5, new OrderAnchors.Anchor(1000, 11, null));
        anchors.taken("d", "", 5, new OrderAnchors.Anchor(2000, 22, null));
        OrderAnchors.Taken soFar = anchors.built("d", "");
        assertEquals(5, soFar.version());
        assertEquals(22, soFar.before(90_000).seq(), "a page past them starts from the last one taken");
        assertFalse(anchors.seen("d", "", 5), "still being taken");

        anchors.notBuilt("d", "", 5);
        assertEquals(22, anchors.built("d", "").before(90_000).seq(), "what was taken stays right at that version");
        assertTrue(anchors.seen("d", "", 5), "a build that failed half-way is taken again");
        anchors.taken("d", "", 5, new OrderAnchors.Anchor(1000, 11, null));
        assertEquals(11, anchors.built("d", "").before(90_000).seq(), "from the first anchor again, without duplicates");
        anchors.taken("d", "", 4, new OrderAnchors.Anchor(2000, 99, null));
        assertEquals(11, anchors.built("d", "").before(90_000).seq(), "an anchor of another version is not kept");

        anchors.keep("d", "", 5, List.of(new OrderAnchors.Anchor(1000, 11, null), new OrderAnchors.Anchor(2000, 22, null),
                new OrderAnchors.Anchor(3000, 33, null)));
        assertEquals(33, anchors.built("d", "").before(90_000).seq());
        assertFalse(anchors.seen("d", "", 5), "all taken: nothing to build");
    }

    @Test
    void aPageStartsFromTheNearestAnchorAtOrBeforeItsOffset() {
        anchors.keep("d", "", 3, List.of(new OrderAnchors.Anchor(1000, 11, null), new OrderAnchors.Anchor(2000, 22, null),
                new OrderAnchors.Anchor(3000, 33, null)));
        OrderAnchors.Taken taken = anchors.built("d", "");
        assertEquals(3, taken.version());
        assertNull(taken.before(999));
        assertEquals(11, taken.before(1000).seq());
        assertEquals(22, taken.before(2999).seq());
        assertEquals(33, taken.before(50_000).seq());
        assertNull(anchors.built("d", "userName asc"), "each order has its own");
    }

    @Test
    void staleAnchorsAreForgottenAndTheLeastRecentlyUsedOrderIsDroppedPastTheBound() {
        anchors.keep("d", "", 3, List.of(new OrderAnchors.Anchor(1000, 11, null)));
        anchors.forget("d", "", anchors.built("d", ""));
        assertNull(anchors.built("d", ""));

        anchors.keep("first", "", 1, List.of(new OrderAnchors.Anchor(1000, 1, null)));
        for (int i = 0; i < 2_000; i++) {
            anchors.keep("d" + i, "", 1, List.of(new OrderAnchors.Anchor(1000, i, null)));
        }
        assertNull(anchors.built("first", ""), "the least recently used order is gone");
        assertEquals(1_999, anchors.built("d1999", "").before(1000).seq());
    }

    @Test
    void theLeastRecentlyUsedOrdersAreDroppedPastTheBoundOnAnchorsInAll() {
        anchors.keep("d", "", 1, every(OrderAnchors.SPACING, 60_000));
        anchors.keep("d", "userName asc", 1, every(OrderAnchors.SPACING, 30_000));
        assertEquals(60_000, anchors.built("d", "").before(Long.MAX_VALUE).seq(), "used since the other was kept");
        anchors.keep("e", "", 1, every(OrderAnchors.SPACING, 20_000));
        assertNull(anchors.built("d", "userName asc"), "110,000 anchors: the least recently used order goes");
        assertEquals(60_000, anchors.built("d", "").before(Long.MAX_VALUE).seq());
        assertEquals(20_000, anchors.built("e", "").before(Long.MAX_VALUE).seq());

        anchors.keep("huge", "", 1, every(OrderAnchors.SPACING, OrderAnchors.MAX_ANCHORS + 1));
        assertEquals(OrderAnchors.MAX_ANCHORS + 1, anchors.built("huge", "").before(Long.MAX_VALUE).seq(),
                "an order past the bound by itself is kept, alone");
        assertNull(anchors.built("d", ""));
        assertNull(anchors.built("e", ""));
    }

    /** {@code count} anchors, {@code spacing} apart, the n-th with sequence n. */
    private static List<OrderAnchors.Anchor> every(int spacing, int count) {
        List<OrderAnchors.Anchor> taken = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            taken.add(new OrderAnchors.Anchor((long) n * spacing, n, null));
        }
        return taken;
    }
}
