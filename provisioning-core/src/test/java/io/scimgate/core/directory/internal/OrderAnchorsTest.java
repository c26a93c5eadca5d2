package io.scimgate.core.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
