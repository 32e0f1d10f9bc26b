package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Judging an answer has a time bound of its own: a check that does not end is a timeout naming the stage. */
class JudgingBoundTest {
    @Test
    void aCheckThatDoesNotEndIsATimeoutOfTheJudgingStage() {
        ExecutorService judges = Executors.newCachedThreadPool();
        CountDownLatch never = new CountDownLatch(1);
        try {
            long start = System.nanoTime();
            Verdict v = Gate.judgeWithin(judges, () -> {
                never.await(); // stands for exact arithmetic on enormous numbers
                return Verdict.of(Verdict.Kind.PASS, "never");
            }, 200);
            assertThat(v.kind()).isEqualTo(Verdict.Kind.TIMEOUT);
            assertThat(v.message()).startsWith("stage judging:").contains("200 ms");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
        } finally {
            judges.shutdownNow();
        }
    }

    @Test
    void aCheckWithinTheBoundGivesItsOwnVerdict() {
        ExecutorService judges = Executors.newCachedThreadPool();
        try {
            Verdict v = Gate.judgeWithin(judges, () -> Verdict.of(Verdict.Kind.WRONG_VALUE, "x"), 60_000);
            assertThat(v.kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        } finally {
            judges.shutdownNow();
        }
    }
}
