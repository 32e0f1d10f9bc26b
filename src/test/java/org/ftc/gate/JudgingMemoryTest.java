package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Leases of the judging memory budget: sizes, waiting, giving back, and the one-answer-alone rule. */
class JudgingMemoryTest {
    private static final long MB = 1 << 20;

    @Test
    void aLeaseTakesEightTimesTheAnswerAndIsGivenBackOnce() throws InterruptedException {
        JudgingMemory memory = new JudgingMemory(1024 * MB);
        int budget = memory.budgetUnits();
        assertThat(budget).isEqualTo(1024 * 1024); // KiB units
        JudgingMemory.Lease lease = memory.lease(10 * MB);
        // 10 MB of answer -> 80 MB of heap = 81,920 KiB (+1 for the rounding up).
        assertThat(memory.available()).isEqualTo(budget - 81_921);
        lease.close();
        lease.close();
        assertThat(memory.available()).isEqualTo(budget);
        // An empty answer still takes one unit; a huge one takes the whole budget, never more.
        assertThat(memory.unitsFor(0)).isEqualTo(1);
        assertThat(memory.unitsFor(Long.MAX_VALUE / 2)).isEqualTo(budget);
        assertThat(memory.unitsFor(1024 * MB)).isEqualTo(budget);
    }

    @Test
    void aLeaseThatDoesNotFitWaitsUntilAnotherIsGivenBack() throws Exception {
        JudgingMemory memory = new JudgingMemory(800 * MB);
        JudgingMemory.Lease first = memory.lease(60 * MB); // 480 MB of 800
        CountDownLatch leased = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (JudgingMemory.Lease l = memory.lease(60 * MB)) {
                leased.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        // The second lease cannot be taken while the first is held: wait until its thread blocks.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(second.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(leased.getCount()).isEqualTo(1);
        first.close();
        assertThat(leased.await(30, TimeUnit.SECONDS)).isTrue();
        second.join(30_000);
        assertThat(memory.available()).isEqualTo(memory.budgetUnits());
    }

    @Test
    void anAnswerLargerThanTheBudgetIsJudgedAlone() throws Exception {
        JudgingMemory memory = new JudgingMemory(100 * MB);
        try (JudgingMemory.Lease big = memory.lease(500 * MB)) {
            assertThat(memory.available()).isZero();
        }
        assertThat(memory.available()).isEqualTo(memory.budgetUnits());
    }
}
