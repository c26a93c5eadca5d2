package io.scimgate.server.http;

import java.time.Duration;

/**
 * The time one request may take, from the moment the front door takes it: work that changes a
 * locked resource checks it before it starts and between steps, and gives up (its transaction rolls
 * back, so nothing changes) once it is spent. No request holds a row lock past its deadline by more
 * than one step, and one waiting behind such a lock finds out it waited too long before it changes
 * anything. Bound to the request's thread: Jersey serves a synchronous request on one thread.
 */
public final class RequestBudget {

    /** The deadline (System.nanoTime) and the budget, in nanoseconds. */
    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private RequestBudget() {
    }

    /** Starts the budget of the request served on this thread. */
    public static void start(Duration budget) {
        DEADLINE.set(new long[] {System.nanoTime() + budget.toNanos(), budget.toNanos()});
    }

    /** A fresh budget for the next independent part of the request (one operation of a bulk request). */
    public static void renew() {
        long[] deadline = DEADLINE.get();
        if (deadline != null) {
            deadline[0] = System.nanoTime() + deadline[1];
        }
    }

    public static void end() {
        DEADLINE.remove();
    }

    /** Before a change starts (the resource is locked, nothing applied yet): refused when the time went waiting. */
    public static void checkBeforeChange(String what) {
        if (spent()) {
            throw new Exceeded(true, "This request used up its time budget before it could change " + what
                    + " (another change may have held it); nothing was changed: retry");
        }
    }

    /** Between the steps of a change: refused when the time is spent. */
    public static void checkDuringChange(String what) {
        if (spent()) {
            throw new Exceeded(false, "Applying this request to " + what
                    + " takes longer than a request may; send it as several smaller ones");
        }
    }

    private static boolean spent() {
        long[] deadline = DEADLINE.get();
        return deadline != null && System.nanoTime() - deadline[0] > 0;
    }

    /** The budget ran out; nothing the request did is kept. */
    public static final class Exceeded extends RuntimeException {

        private final boolean waited;

        Exceeded(boolean waited, String message) {
            super(message, null, false, false);
            this.waited = waited;
        }

        /** True when the time went waiting for another request, false when this request's own work took it. */
        public boolean waited() {
            return waited;
        }
    }
}
