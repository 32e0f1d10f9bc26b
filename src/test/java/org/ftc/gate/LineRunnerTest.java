package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The line-mode process handling on small shell programs (no Python needed). */
class LineRunnerTest {
    private static LineRunner runner(String command, long timeout, long maxLine) {
        return new LineRunner(command, timeout, maxLine, Path.of("").toAbsolutePath());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(LineResult r) {
        return new String(r.line(), StandardCharsets.UTF_8);
    }

    @Test
    void oneProcessAnswersLineAfterLine() {
        try (LineRunner r = runner("while read l; do echo \"got $l\"; done", 5000, 1000)) {
            LineResult a = r.exchange(bytes("one"));
            LineResult b = r.exchange(bytes("two"));
            assertThat(a.outcome()).isEqualTo(LineResult.Outcome.ANSWER);
            assertThat(text(a)).isEqualTo("got one");
            assertThat(text(b)).isEqualTo("got two");
            assertThat(b.served()).isEqualTo(1); // the same process answered the first line
            assertThat(r.processStarts()).isEqualTo(1);
        }
    }

    @Test
    void aStrayExtraLineRestartsTheProcess() {
        // Two lines per instance: the second is stray; the gate must not take it as the next answer.
        try (LineRunner r = runner("while read l; do echo \"a $l\"; echo \"b $l\"; done", 5000, 1000)) {
            assertThat(text(r.exchange(bytes("1")))).isEqualTo("a 1");
            sleep(300); // let the stray line arrive
            LineResult second = r.exchange(bytes("2"));
            assertThat(text(second)).isEqualTo("a 2");
            assertThat(second.served()).isZero();
            assertThat(r.processStarts()).isEqualTo(2);
        }
    }

    @Test
    void aLateCopyOfTheLastAnswerIsNotTakenForTheNextOne() {
        // Each answer comes again 0.3 s later, after the next line was sent (or while none is
        // pending); either way the copy must never be returned as the next line's answer.
        try (LineRunner r = runner("while read l; do echo \"$l\"; sleep 0.3; echo \"$l\"; done", 10_000, 1000)) {
            assertThat(text(r.exchange(bytes("0"), a -> text(a).equals("0")))).isEqualTo("0");
            assertThat(text(r.exchange(bytes("1"), a -> !text(a).equals("0")))).isEqualTo("1");
            assertThat(r.processStarts()).isEqualTo(2);
        }
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    @Test
    void aHungProcessTimesOutAndIsReplaced() {
        try (LineRunner r = runner("read l; case \"$l\" in hang) sleep 30;; esac; echo \"ok $l\"; while read l; do echo \"ok $l\"; done", 400, 1000)) {
            long start = System.nanoTime();
            LineResult hung = r.exchange(bytes("hang"));
            assertThat(hung.outcome()).isEqualTo(LineResult.Outcome.TIMEOUT);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
            LineResult next = r.exchange(bytes("x"));
            assertThat(next.outcome()).isEqualTo(LineResult.Outcome.ANSWER);
            assertThat(text(next)).isEqualTo("ok x");
            assertThat(r.processStarts()).isEqualTo(2);
        }
    }

    @Test
    void aProcessThatEndsGivesItsExitStatusAndLastWords() {
        try (LineRunner r = runner("read l; echo first; read l; echo dying >&2; exit 9", 5000, 1000)) {
            assertThat(text(r.exchange(bytes("a")))).isEqualTo("first");
            LineResult died = r.exchange(bytes("b"));
            assertThat(died.outcome()).isEqualTo(LineResult.Outcome.ENDED);
            assertThat(died.exitStatus()).isEqualTo(9);
            assertThat(died.served()).isEqualTo(1);
            assertThat(died.stderrTail()).isEqualTo("dying\n");
            assertThat(text(r.exchange(bytes("c")))).isEqualTo("first"); // a fresh process
        }
    }

    @Test
    void theLastWordsOfADyingProcessAreReadEvenWhenTheReaderIsLate() {
        // Regression: the tree used to be killed (and the pipes closed) before standard error was
        // drained. The hook makes the reader start only a second after the process died, so the
        // last words are still in the pipe when the runner sees the end of standard output.
        try (LineRunner r = runner("read l; echo dying >&2; exit 9", 5000, 1000).delayStandardErrorReaderForTest(1000)) {
            LineResult died = r.exchange(bytes("a"));
            assertThat(died.outcome()).isEqualTo(LineResult.Outcome.ENDED);
            assertThat(died.exitStatus()).isEqualTo(9);
            assertThat(died.stderrTail()).isEqualTo("dying\n");
        }
    }

    @Test
    void aProcessThatAnswersAndExitsLeavingAGrandchildLeavesNoProcess() {
        try (LineRunner r = runner("read l; sleep 60 & echo $!; exit 0", 5000, 1000)) {
            LineResult a = r.exchange(bytes("a"));
            assertThat(a.outcome()).isEqualTo(LineResult.Outcome.ANSWER);
            ProcessRunnerTest.assertGone(Long.parseLong(text(a)));
        }
    }

    @Test
    void aProcessThatDiesLeavingAGrandchildOnItsOutputEndsAtOnce() {
        // The grandchild holds standard output open: the end is seen because the group is killed
        // when the parent exits, not after the time limit.
        try (LineRunner r = runner("read l; sleep 60 & echo $! >&2; exit 4", 60_000, 1000)) {
            LineResult died = r.exchange(bytes("a"));
            assertThat(died.outcome()).isEqualTo(LineResult.Outcome.ENDED);
            assertThat(died.exitStatus()).isEqualTo(4);
            assertThat(died.elapsedMillis()).isLessThan(30_000);
            ProcessRunnerTest.assertGone(Long.parseLong(died.stderrTail().strip()));
        }
    }

    @Test
    void closingKillsEveryProcessOfEverySession() {
        long pid;
        try (LineRunner r = runner("read l; sleep 60 & echo $!; while read l; do echo more; done", 5000, 1000)) {
            pid = Long.parseLong(text(r.exchange(bytes("a"))));
        }
        ProcessRunnerTest.assertGone(pid);
    }

    @Test
    void anOverlongLineIsCutOffAndStandardErrorIsDrained() {
        // 1 MB of standard error per instance would fill the pipe and hang the program if nobody read it.
        try (LineRunner r = runner("while read l; do head -c 1000000 /dev/zero | tr '\\0' e >&2; if [ \"$l\" = long ]; then yes | head -c 5000 | tr -d '\\n'; echo; else echo short; fi; done", 10_000, 100)) {
            LineResult ok = r.exchange(bytes("s"));
            assertThat(text(ok)).isEqualTo("short");
            assertThat(ok.stderrTail()).hasSize(StreamTail.LIMIT).matches("e+");
            LineResult big = r.exchange(bytes("long"));
            assertThat(big.outcome()).isEqualTo(LineResult.Outcome.TOO_LONG);
            assertThat(text(r.exchange(bytes("s")))).isEqualTo("short");
            assertThat(r.processStarts()).isEqualTo(2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
