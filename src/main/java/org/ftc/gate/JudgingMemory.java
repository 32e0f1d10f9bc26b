package org.ftc.gate;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the heap that answers being judged at the same time may use, whatever {@code --jobs} is.
 * Reading an answer of {@code n} bytes into exact rationals and evaluating it needs up to about
 * {@link #HEAP_PER_OUTPUT_BYTE}{@code  * n} bytes of heap (measured: a 54 MB answer of 3,000,000
 * neurons was judged within {@code -Xmx384m} and not within {@code -Xmx256m}; docs/reliability.md).
 * Before an answer is judged its worker takes a lease of that size from a budget of
 * {@link #BUDGET_SHARE} of the JVM's maximum heap, and gives it back when judging ends; a worker
 * whose lease does not fit waits. A lease larger than the whole budget takes the whole budget, so
 * such an answer is judged alone. Small answers (the usual case) never wait in practice: a 1 MB
 * answer leases 8 MB.
 */
final class JudgingMemory {
    /** Heap bytes leased per byte of an answer. */
    static final long HEAP_PER_OUTPUT_BYTE = 8;
    /** The share of the maximum heap that leases may hold at once. */
    static final double BUDGET_SHARE = 0.75;
    private static final long UNIT = 1024;

    private final Semaphore units;
    private final int budgetUnits;

    /** A budget of {@code budgetBytes}. */
    JudgingMemory(long budgetBytes) {
        this.budgetUnits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / UNIT));
        this.units = new Semaphore(budgetUnits, true);
    }

    /** The budget for this JVM: {@link #BUDGET_SHARE} of {@code Runtime.maxMemory()}. */
    static JudgingMemory forThisJvm() {
        return new JudgingMemory((long) (Runtime.getRuntime().maxMemory() * BUDGET_SHARE));
    }

    /** Waits until a lease for judging an answer of {@code outputBytes} fits, then takes it. */
    Lease lease(long outputBytes) throws InterruptedException {
        int n = unitsFor(outputBytes);
        units.acquire(n);
        return new Lease(n);
    }

    /** Budget units a lease for {@code outputBytes} takes (at least one, at most the budget). */
    int unitsFor(long outputBytes) {
        long heap = Math.multiplyHigh(outputBytes, HEAP_PER_OUTPUT_BYTE) != 0 ? Long.MAX_VALUE : outputBytes * HEAP_PER_OUTPUT_BYTE;
        return (int) Math.max(1, Math.min(budgetUnits, heap / UNIT + 1));
    }

    /** Units not leased now. */
    int available() {
        return units.availablePermits();
    }

    int budgetUnits() {
        return budgetUnits;
    }

    /** A lease; closing it more than once gives it back once. */
    final class Lease implements AutoCloseable {
        private final int taken;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Lease(int taken) {
            this.taken = taken;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) units.release(taken);
        }
    }
}
