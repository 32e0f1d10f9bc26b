package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {
    private static ProcessRunner runner(String command, long timeout, long maxOutput) {
        return new ProcessRunner(command, timeout, maxOutput, Path.of("").toAbsolutePath());
    }

    @Test
    void passesStdinAndCapturesStdoutAndStatus() {
        RunResult r = runner("cat; echo oops >&2; exit 7", 5000, 1000).run("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(r.exitStatus()).isEqualTo(7);
        assertThat(r.stderrTail()).isEqualTo("oops\n");
        assertThat(r.timedOut()).isFalse();
    }

    @Test
    void standardErrorIsDrainedToItsEndEvenWhenTheReaderIsLate() {
        // Regression: the tree used to be killed (closing the pipes) 500 ms after the exit if the
        // standard error reader had not finished. The hook starts that reader a second after the exit.
        RunResult r = runner("echo answer; echo 'last words' >&2; exit 7", 5000, 1000).delayStandardErrorReaderForTest(1000).run(new byte[0]);
        assertThat(r.exitStatus()).isEqualTo(7);
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("answer\n");
        assertThat(r.stderrTail()).isEqualTo("last words\n");
    }

    @Test
    void timeLimitKillsTheProcessTree() {
        long start = System.nanoTime();
        // A background child that would outlive its parent shell if only the parent were killed.
        RunResult r = runner("sleep 30 & sleep 30", 300, 1000).run(new byte[0]);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitStatus()).isEqualTo(-1);
        assertThat(millis).isLessThan(10_000);
    }

    @Test
    void aGrandchildHoldingStandardOutputNeitherDelaysTheRunNorOutlivesIt() {
        // A launcher shape: it answers and exits, while a child it started keeps the pipe open.
        long start = System.nanoTime();
        RunResult r = runner("sleep 60 & echo $!", 10_000, 1000).run(new byte[0]);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exitStatus()).isZero();
        assertThat(r.timedOut()).isFalse();
        assertGone(Long.parseLong(new String(r.stdout(), StandardCharsets.UTF_8).strip()));
        // Without the group kill the gate waited for the drain bound (the pipe stays open 60 s).
        assertThat(millis).isLessThan(ProcessRunner.DRAIN_MILLIS);
    }

    @Test
    void aGrandchildThatLetGoOfThePipesDoesNotOutliveTheRunEither() {
        RunResult r = runner("sleep 60 </dev/null >/dev/null 2>&1 & echo $!", 10_000, 1000).run(new byte[0]);
        assertThat(r.exitStatus()).isZero();
        assertGone(Long.parseLong(new String(r.stdout(), StandardCharsets.UTF_8).strip()));
    }

    @Test
    void aTimedOutTreeLeavesNoProcess() {
        RunResult r = runner("sleep 60 & echo $!; sleep 60", 500, 1000).run(new byte[0]);
        assertThat(r.timedOut()).isTrue();
        assertGone(Long.parseLong(new String(r.stdout(), StandardCharsets.UTF_8).strip()));
    }

    /** The process is dead (a SIGKILL is delivered at once; being reaped may take a moment). */
    static void assertGone(long pid) {
        java.util.Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) return;
        try {
            h.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("process " + pid + " is still running after the run", e);
        }
    }

    @Test
    void outputLimitStopsARunawayWriter() {
        RunResult r = runner("yes", 10_000, 10_000).run(new byte[0]);
        assertThat(r.outputTooLarge()).isTrue();
        assertThat(r.stdout().length).isLessThanOrEqualTo(10_000);
    }

    @Test
    void largeInputDoesNotDeadlockAProgramThatAnswersFirst() {
        // The program writes before reading: with a single thread the harness would block on stdin.
        byte[] big = new byte[4 << 20];
        RunResult r = runner("echo answer; cat > /dev/null", 10_000, 1000).run(big);
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("answer\n");
        assertThat(r.exitStatus()).isZero();
    }
}
