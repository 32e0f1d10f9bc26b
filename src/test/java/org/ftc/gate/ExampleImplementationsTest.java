package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.prop.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate on the three Python examples: it passes the correct one, catches and shrinks the buggy one, and judges the float one. */
class ExampleImplementationsTest {
    private static final Gen<Instance> GEN = GateInstances.instances(2, 12, 3);
    /** A float implementation cannot meet a 1e-9 tolerance on labels of 1e30: it is judged on moderate numbers. */
    private static final Gen<Instance> MODERATE = GateInstances.moderate(2, 12, 3);

    private static GateReport gate(String command, Rational tolerance, int count, Path out) {
        return gate(GEN, command, tolerance, count, out);
    }

    private static GateReport gate(Gen<Instance> gen, String command, Rational tolerance, int count, Path out) {
        GateConfig config = GateConfig.of(command).withTolerance(tolerance).withOutputFolder(out).withShrinking(Duration.ofSeconds(20), 1);
        return new Gate(config, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run(Gate.generated(gen, 7, count), gen);
    }

    @Test
    void correctExamplePasses(@TempDir Path out) {
        GateReport r = gate(Python.example("t2u_correct.py"), Rational.ZERO, 40, out);
        assertThat(r.failures()).as(r.describe(null)).isEmpty();
        assertThat(r.cases()).hasSize(40);
        // The generator must have produced both answers the correct example can give.
        assertThat(r.cases()).anyMatch(c -> c.verdict().exitStatus() == 3).anyMatch(c -> c.verdict().exitStatus() == 0 && c.verdict().neurons() > 0);
    }

    @Test
    void buggyExampleFailsAndShrinksToAtMostFourSamples(@TempDir Path out) throws Exception {
        // Each shrink candidate starts a Python process here (about 0.1 s, more on a loaded machine), so
        // the budget is generous; the shrink ends on its own when no pass makes progress.
        GateConfig config = GateConfig.of(Python.example("t2u_buggy.py")).withOutputFolder(out).withShrinking(Duration.ofSeconds(180), 1);
        GateReport r = new Gate(config, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run(Gate.generated(GEN, 7, 40), GEN);
        assertThat(r.passed()).isFalse();
        GateCase first = r.failures().get(0);
        assertThat(first.verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        assertThat(first.shrunk()).isPresent();
        GateCase.Shrunk s = first.shrunk().get();
        assertThat(s.verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        assertThat(s.instance().sampleCount()).isLessThanOrEqualTo(4);
        assertThat(s.instance().changeCount()).isGreaterThanOrEqualTo(2); // the bug needs two adjacent changed samples
        String report = r.describe(GateFiles.replayCommand(r.config(), out.resolve("counterexamples")));
        assertThat(report).contains("shrunk").contains("wanted").contains("replay: ./ftc gate --impl");

        // Files: the counterexample replays to the same verdict from the folder.
        List<Path> files = Files.list(out.resolve("counterexamples")).toList();
        assertThat(files).isNotEmpty();
        Path shrunkFile = out.resolve("counterexamples").resolve(first.name() + ".json");
        Instance back = InstanceCodec.DEFAULT.read(Files.readAllBytes(shrunkFile));
        assertThat(back.sampleCount()).isEqualTo(s.instance().sampleCount());
        assertThat(Files.readString(out.resolve("cases").resolve(first.name()).resolve("verdict.json"))).contains("\"verdict\":\"wrong-value\"");
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(lines).hasSize(41); // 40 verdicts, then the summary of a complete run
        assertThat(lines.subList(0, 40)).allMatch(l -> l.startsWith("{\"format\":\"ftc-verdict\""));
        assertThat(lines.get(40)).startsWith("{\"format\":\"ftc-gate-summary\"").contains("\"instances\":40");
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("tests=\"40\"").contains("<failure type=\"wrong-value\"");
        GateConfig replay = GateConfig.of(Python.example("t2u_buggy.py")).withShrinking(Duration.ZERO, 0);
        GateReport again = new Gate(replay, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .run(Gate.fromFiles(out.resolve("counterexamples")), null);
        assertThat(again.cases()).allMatch(c -> c.verdict().kind() == Verdict.Kind.WRONG_VALUE);
    }

    @Test
    void floatExampleFailsExactlyAndPassesWithATolerance(@TempDir Path out) {
        GateReport exact = gate(MODERATE, Python.example("t2u_float.py"), Rational.ZERO, 30, out.resolve("exact"));
        assertThat(exact.counts()).containsKey(Verdict.Kind.WRONG_VALUE);
        assertThat(exact.failures()).allMatch(c -> c.verdict().kind() == Verdict.Kind.WRONG_VALUE);
        GateReport tolerant = gate(MODERATE, Python.example("t2u_float.py"), Rational.of(1, 1_000_000_000), 30, out.resolve("tol"));
        assertThat(tolerant.failures()).as(tolerant.describe(null)).isEmpty();
    }

    @Test
    void folderShrinkingWorksWithoutAGenerator(@TempDir Path out) throws Exception {
        // Six samples on a line, 1..4 changed: the buggy example fails; the structural shrinker cuts it down.
        Rational[][] x = new Rational[6][];
        for (int i = 0; i < 6; i++) x[i] = new Rational[] {Rational.of(i)};
        Instance inst = Instance.withZeroPretrained(1, x, java.util.Map.of(1, Rational.ONE, 2, Rational.TWO, 3, Rational.ONE, 4, Rational.of(5)), 2)
                .withId("line6");
        Files.createDirectories(out.resolve("in"));
        Files.writeString(out.resolve("in").resolve("line6.json"), InstanceCodec.write(inst));
        GateConfig config = GateConfig.of(Python.example("t2u_buggy.py")).withShrinking(Duration.ofSeconds(20), 1);
        GateReport r = new Gate(config, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run(Gate.fromFiles(out.resolve("in")), null);
        assertThat(r.failures()).hasSize(1);
        assertThat(r.failures().get(0).shrunk().get().instance().sampleCount()).isLessThanOrEqualTo(4);
    }
}
