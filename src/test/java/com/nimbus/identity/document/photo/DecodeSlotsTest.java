package com.nimbus.identity.document.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class DecodeSlotsTest {

    @Test
    void neverRunsMoreDecodesAtOnceThanItHasSlots() throws Exception {
        DecodeSlots slots = new DecodeSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Integer>> decodes = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                int n = i;
                decodes.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return slots.run(() -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        pause(); // a decode takes a while: unbounded, the twelve threads would overlap
                        running.decrementAndGet();
                        return n;
                    });
                }, pool));
            }
            start.countDown();
            for (int i = 0; i < decodes.size(); i++) {
                assertThat(decodes.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostAtOnce.get()).isBetween(1, 2);
        assertThat(slots.peakInUse()).isBetween(1, 2);
        assertThat(slots.completed()).isEqualTo(36);
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void aDecodeWaitsWhileEverySlotIsTakenAndRunsWhenOneIsFreed() throws Exception {
        DecodeSlots slots = new DecodeSlots(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(() -> {
                holding.countDown();
                await(release);
                return "first";
            }), pool);
            await(holding);
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> slots.run(() -> "second"), pool);
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> slots.waiting() == 1);
            assertThat(second).isNotDone();
            assertThat(slots.inUse()).isEqualTo(1);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedDecodeGivesItsSlotBack() {
        DecodeSlots slots = new DecodeSlots(1);
        assertThatThrownBy(() -> slots.run(() -> {
            throw new IllegalStateException("broken page");
        })).hasMessage("broken page");
        assertThat(slots.inUse()).isZero();
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void needsAtLeastOneSlot() {
        assertThatThrownBy(() -> new DecodeSlots(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
