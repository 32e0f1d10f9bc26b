package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ftc.instance.Instance;
import org.ftc.prop.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's line mode (docs/gate.md) on the Python examples and on misbehaving line-mode programs. */
class LineModeTest {
    private static final Gen<Instance> GEN = GateInstances.instances(2, 12, 3);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** A line-mode program in Python: {@code body} handles one {@code line} (the instance), with {@code n} instances served before. */
    private static String script(Path dir, String name, String body) throws Exception {
        String code = "import sys, time\nsys.path.insert(0, 'examples')\nimport t2u_correct\nn = 0\nwhile True:\n"
                + "    line = sys.stdin.readline()\n    if not line:\n        break\n"
                + body.indent(4)
                + "    sys.stdout.flush()\n    n += 1\n";
        Path file = dir.resolve(name);
        Files.writeString(file, code);
        return Python.interpreter() + " " + file;
    }

    private static GateConfig config(String command) {
        return GateConfig.of(command).withLineMode(true).withJobs(1).withShrinking(Duration.ZERO, 0);
    }

    private static String output(GateCase c) {
        return new String(c.output(), StandardCharsets.UTF_8);
    }

    @Test
    void correctExamplePassesWithOnePersistentProcessPerWorker(@TempDir Path out) {
        GateConfig cfg = GateConfig.of(Python.example("t2u_correct.py") + " --line").withLineMode(true).withOutputFolder(out);
        Gate gate = new Gate(cfg, QUIET);
        GateReport r = gate.run(Gate.generated(GEN, 7, 60), GEN);
        assertThat(r.failures()).as(r.describe(null)).isEmpty();
        assertThat(r.cases()).hasSize(60);
        assertThat(r.cases()).anyMatch(c -> c.verdict().message().startsWith("correctly reported infeasible"))
                .anyMatch(c -> c.verdict().neurons() > 0);
        // Two workers (GateConfig.of), so at most two processes for 60 instances.
        assertThat(gate.lineProcessStarts()).isBetween(1, 2);
        assertThat(output(r.cases().get(0))).startsWith("{\"format\":\"ftc-answer\"").doesNotContain("\n");
    }

    @Test
    void buggyExampleFailsAndShrinksOnTheSameProcess(@TempDir Path out) throws Exception {
        GateConfig cfg = GateConfig.of(Python.example("t2u_buggy.py") + " --line").withLineMode(true).withOutputFolder(out)
                .withShrinking(Duration.ofSeconds(20), 1);
        Gate gate = new Gate(cfg, QUIET);
        GateReport r = gate.run(Gate.generated(GEN, 7, 40), GEN);
        GateCase first = r.failures().get(0);
        assertThat(first.verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        GateCase.Shrunk s = first.shrunk().orElseThrow();
        assertThat(s.verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        assertThat(s.instance().sampleCount()).isLessThanOrEqualTo(4);
        assertThat(s.instance().changeCount()).isGreaterThanOrEqualTo(2); // the bug needs two adjacent changed samples
        assertThat(s.steps()).isPositive();
        // Every shrink candidate went to the persistent processes: no process per candidate.
        assertThat(gate.lineProcessStarts()).isBetween(1, 2);
        assertThat(Files.readString(out.resolve("replay.sh"))).contains("--line").contains("t2u_buggy.py --line");
        // The replay in line mode gives the same verdict.
        GateReport again = new Gate(config(Python.example("t2u_buggy.py") + " --line"), QUIET).run(Gate.fromFiles(out.resolve("counterexamples")), null);
        assertThat(again.cases()).isNotEmpty().allMatch(c -> c.verdict().kind() == Verdict.Kind.WRONG_VALUE);
    }

    @Test
    void aHangingInstanceTimesOutAndTheNextOnesAreJudged(@TempDir Path dir) throws Exception {
        String impl = script(dir, "hang.py", """
                if '"seed7-0002"' in line:
                    time.sleep(60)
                sys.stdout.write(t2u_correct.answer(line) + '\\n')
                """);
        Gate gate = new Gate(config(impl).withTimeout(2500, GateConfig.DEFAULT_MAX_OUTPUT), QUIET);
        GateReport r = gate.run(Gate.generated(GEN, 7, 6), GEN);
        List<Verdict.Kind> kinds = r.cases().stream().map(c -> c.verdict().kind()).toList();
        assertThat(kinds).containsExactly(Verdict.Kind.PASS, Verdict.Kind.PASS, Verdict.Kind.TIMEOUT, Verdict.Kind.PASS, Verdict.Kind.PASS, Verdict.Kind.PASS);
        assertThat(r.cases().get(2).verdict().message()).contains("no answer line within");
        assertThat(gate.lineProcessStarts()).isEqualTo(2); // the first, and the replacement after the timeout
    }

    @Test
    void aProcessThatExitsGivesCrashAndIsRestarted(@TempDir Path dir) throws Exception {
        // Answers three instances, then reads the fourth, says goodbye on stderr and exits with status 5.
        String impl = script(dir, "quit.py", """
                if n == 3:
                    sys.stderr.write('bye after three\\n')
                    sys.exit(5)
                sys.stdout.write(t2u_correct.answer(line) + '\\n')
                """);
        Gate gate = new Gate(config(impl), QUIET);
        GateReport r = gate.run(Gate.generated(GEN, 7, 9), GEN);
        List<Verdict.Kind> kinds = r.cases().stream().map(c -> c.verdict().kind()).toList();
        Verdict.Kind p = Verdict.Kind.PASS;
        Verdict.Kind c = Verdict.Kind.CRASH;
        // Instances 3 and 7 are each the fourth of a process.
        assertThat(kinds).containsExactly(p, p, p, c, p, p, p, c, p);
        Verdict crash = r.cases().get(3).verdict();
        assertThat(crash.message()).contains("exited with status 5").contains("answered 3 instance(s)").contains("bye after three");
        assertThat(crash.exitStatus()).isEqualTo(5);
        assertThat(gate.lineProcessStarts()).isEqualTo(3);
    }

    @Test
    void malformedAnswerLinesAreBadOutputAndTheProcessLivesOn(@TempDir Path dir) throws Exception {
        String impl = script(dir, "bad.py", """
                import json
                ok = json.loads(t2u_correct.answer(line))
                if n == 0:
                    out = 'this is not json'
                elif n == 1:
                    out = '{"format":"ftc-network","version":1,"status":"infeasible"}'
                elif n == 2:
                    out = '{"format":"ftc-answer","version":1,"status":"network"}'
                elif n == 3:
                    ok['instance'] = 'someone-else'
                    out = json.dumps(ok)
                elif n == 4:
                    out = ''
                elif n == 5:
                    out = json.dumps({'format': 'ftc-answer', 'version': 1, 'instance': ok['instance'], 'status': 'error', 'message': 'no idea'})
                else:
                    ok['x-served'] = n
                    out = json.dumps(ok)
                sys.stdout.write(out + '\\n')
                """);
        Gate gate = new Gate(config(impl), QUIET);
        GateReport r = gate.run(Gate.generated(GEN, 7, 7), GEN);
        List<Verdict> v = r.cases().stream().map(GateCase::verdict).toList();
        for (int i = 0; i < 5; i++) assertThat(v.get(i).kind()).as("instance " + i + ": " + v.get(i).line()).isEqualTo(Verdict.Kind.BAD_OUTPUT);
        assertThat(v.get(0).message()).startsWith("answer line: (document)");
        assertThat(v.get(1).message()).startsWith("answer line: format: expected \"ftc-answer\"");
        assertThat(v.get(2).message()).startsWith("answer line: network: missing required field");
        assertThat(v.get(3).message()).contains("the answer is for \"someone-else\" but the instance sent was \"seed7-0003\"");
        assertThat(v.get(5).kind()).isEqualTo(Verdict.Kind.CRASH);
        assertThat(v.get(5).message()).isEqualTo("the implementation answered status error: no idea");
        assertThat(v.get(6).kind()).as(v.get(6).line()).isEqualTo(Verdict.Kind.PASS);
        // Still the first process: it counted six instances before this one.
        assertThat(output(r.cases().get(6))).contains("\"x-served\": 6");
        assertThat(gate.lineProcessStarts()).isEqualTo(1);
    }

    @Test
    void aLateDuplicateOfTheLastAnswerIsNeverCreditedToTheNextInstance(@TempDir Path dir) throws Exception {
        // Correct answers, each sent again 0.3 s later: the copy arrives after the next instance was
        // sent. It names the earlier instance, so the process is restarted and the instance sent again.
        String impl = script(dir, "twice.py", """
                import threading
                a = t2u_correct.answer(line)
                sys.stdout.write(a + '\\n')
                sys.stdout.flush()
                def again(a=a):
                    sys.stdout.write(a + '\\n')
                    sys.stdout.flush()
                threading.Timer(0.3, again).start()
                """);
        Gate gate = new Gate(config(impl), QUIET);
        GateReport r = gate.run(Gate.generated(GEN, 7, 8), GEN);
        assertThat(r.failures()).as(r.describe(null)).isEmpty();
        assertThat(r.cases()).hasSize(8);
    }

    @Test
    void anAnswerWithoutTheInstanceIdIsBadOutput(@TempDir Path dir) throws Exception {
        String impl = script(dir, "noid.py", """
                import json
                a = json.loads(t2u_correct.answer(line))
                a.pop('instance', None)
                sys.stdout.write(json.dumps(a) + '\\n')
                """);
        GateReport r = new Gate(config(impl), QUIET).run(Gate.generated(GEN, 7, 3), GEN);
        assertThat(r.cases()).allMatch(c -> c.verdict().kind() == Verdict.Kind.BAD_OUTPUT
                && c.verdict().message().startsWith("answer line: instance: missing; the gate"));
    }
}
