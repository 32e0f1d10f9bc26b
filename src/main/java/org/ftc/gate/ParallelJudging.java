package org.ftc.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ftc.instance.Instance;

/**
 * Shrink candidates judged on the gate's workers, several at once, each try bounded by the time
 * left: no try starts after the deadline, and a try is given at most the time that is left (the
 * gate cuts the implementation's time limit to it), so shrinking stops at its budget however slow
 * the implementation is.
 */
final class ParallelJudging implements InstanceShrinker.Judging, AutoCloseable {
    /** Runs and judges one instance with at most {@code timeoutMillis} for the implementation. */
    @FunctionalInterface
    interface Trial {
        Gate.Judged judge(Instance instance, long timeoutMillis);
    }

    private final Trial trial;
    private final long timeoutMillis;
    private final ExecutorService pool;

    ParallelJudging(Trial trial, long timeoutMillis, int workers) {
        this.trial = trial;
        this.timeoutMillis = timeoutMillis;
        this.pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "gate-shrink-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<Gate.Judged> judge(List<Instance> candidates, long deadlineNanos) {
        List<Future<Gate.Judged>> futures = new ArrayList<>();
        for (Instance c : candidates) {
            futures.add(pool.submit(() -> {
                long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
                if (left < 1) return null;
                return trial.judge(c, Math.min(timeoutMillis, left));
            }));
        }
        List<Gate.Judged> out = new ArrayList<>();
        for (Future<Gate.Judged> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("shrinking interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new IllegalStateException("internal error while judging a shrink candidate: " + cause, cause);
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
