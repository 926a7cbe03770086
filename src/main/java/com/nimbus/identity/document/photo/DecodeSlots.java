package com.nimbus.identity.document.photo;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How many document pages this node decodes or renders at the same time. A page of 40 MP takes tens of megabytes
 * of heap while it is decoded, however small its file; the checks of a burst of applications and reviewers
 * opening PDF pages all pass through here, so that the memory they take at once stays bounded whatever arrives.
 * A decode waits (first come, first served) until a slot is free.
 */
public class DecodeSlots {

    private final int size;
    private final Semaphore permits;
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong done = new AtomicLong();

    public DecodeSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one decode slot is needed");
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** Runs {@code decode} in a slot, waiting for one to be free. */
    public <T> T run(Supplier<T> decode) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decode a document page", e);
        }
        try {
            peak.accumulateAndGet(inUse.incrementAndGet(), Math::max);
            return decode.get();
        } finally {
            inUse.decrementAndGet();
            done.incrementAndGet();
            permits.release();
        }
    }

    /** The number of slots. */
    public int size() {
        return size;
    }

    /** Decodes running now. */
    public int inUse() {
        return inUse.get();
    }

    /** Decodes waiting for a slot now (an estimate, as the JDK's semaphore gives it). */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** How many decodes have run (finished or failed) since the node started. */
    public long completed() {
        return done.get();
    }

    /** The most decodes that ever ran at the same time on this node. */
    public int peakInUse() {
        return peak.get();
    }
}
