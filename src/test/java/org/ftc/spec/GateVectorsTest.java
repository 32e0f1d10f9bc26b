package org.ftc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.conformance.Answer;
import org.ftc.conformance.Construction;
import org.ftc.conformance.InProcessImplementation;
import org.ftc.construct.Constructions;
import org.ftc.gate.Gate;
import org.ftc.gate.GateCase;
import org.ftc.gate.GateConfig;
import org.ftc.gate.GateInstances;
import org.ftc.gate.GateReport;
import org.ftc.gate.Verdict;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate writes each counterexample also as a judge vector (spec/vectors.md), and the vectors it
 * writes for the planted-bug example, for a shell command that always claims "infeasible" and
 * for a JVM implementation run in process replay, through the same vector runner as spec/vectors/judge.json, to the verdict the gate found.
 */
class GateVectorsTest {
    private static final Gen<Instance> GEN = GateInstances.instances(2, 12, 3);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theBuggyExampleInLineModeLeavesVectorsThatReplay(@TempDir Path out) throws Exception {
        GateConfig config = GateConfig.of(python() + " examples/t2u_buggy.py --line").withLineMode(true).withOutputFolder(out)
                .withShrinking(Duration.ofSeconds(60), 2);
        GateReport r = new Gate(config, QUIET).run(Gate.generated(GEN, 7, 40), GEN);
        assertThat(r.failures()).isNotEmpty();
        List<JsonNode> cases = replayAll(out.resolve("vectors"), r.failures().size());
        assertThat(cases).allMatch(t -> t.get("expected").get("verdict").asText().equals("wrong-value")).allMatch(t -> t.has("answer_line"));
    }

    @Test
    void aProcessThatAlwaysSaysInfeasibleLeavesVectorsThatReplay(@TempDir Path out) throws Exception {
        GateConfig config = GateConfig.of("cat > /dev/null; exit 3").withOutputFolder(out).withShrinking(Duration.ofSeconds(20), 1);
        GateReport r = new Gate(config, QUIET).run(Gate.generated(GEN, 7, 10), GEN);
        assertThat(r.failures()).isNotEmpty();
        List<JsonNode> cases = replayAll(out.resolve("vectors"), r.failures().size());
        assertThat(cases).allMatch(t -> t.get("expected").get("verdict").asText().equals("false-infeasible"))
                .allMatch(t -> t.get("process").get("exit_status").asInt() == 3);
    }

    @Test
    void aJvmImplementationInProcessIsShrunkAndLeavesAnswerLineVectorsThatReplay(@TempDir Path out) throws Exception {
        // g built as if f were 0: wrong wherever f(x) differs from 0 at a changed sample.
        Construction forgetsF = i -> {
            try {
                return Answer.network(Constructions.construct(RationalField.INSTANCE,
                        Instance.withZeroPretrained(i.dimension(), i.samples(), i.changes(), i.depth())));
            } catch (InfeasibleInstanceException e) {
                return Answer.infeasible();
            }
        };
        GateConfig config = GateConfig.of("in-process forgets-f").withOutputFolder(out).withShrinking(Duration.ofSeconds(60), 1);
        GateReport r = new Gate(config, new InProcessImplementation(forgetsF), QUIET).run(Gate.generated(GateInstances.moderate(2, 8, 2), 5, 3), null);
        assertThat(r.failures()).isNotEmpty().allMatch(c -> c.verdict().kind() == Verdict.Kind.WRONG_VALUE);
        GateCase.Shrunk shrunk = r.failures().get(0).shrunk().orElseThrow();
        assertThat(shrunk.verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        assertThat(shrunk.instance().sampleCount()).isLessThanOrEqualTo(3);
        List<JsonNode> cases = replayAll(out.resolve("vectors"), r.failures().size());
        assertThat(cases).allMatch(t -> t.get("expected").get("verdict").asText().equals("wrong-value")).allMatch(t -> t.has("answer_line"));
    }

    /** Every vector file in {@code folder}: valid against the schema, one case each, replaying to its expected verdict. */
    /**
     * With {@code --rtol}, the vectors carry it: an implementation whose {@code g} overshoots by 1%
     * misses exactly where {@code |r| / 100 > rtol |label|}, so the failing samples depend on the
     * relative tolerance, and a vector without it would replay to other failing samples.
     */
    @Test
    void vectorsCarryTheRelativeTolerance(@TempDir Path out) throws Exception {
        Rational overshoot = Rational.of(101, 100);
        Construction overshoots = i -> {
            try {
                Network<Rational> g = Constructions.construct(RationalField.INSTANCE, i);
                List<Layer<Rational>> layers = new java.util.ArrayList<>(g.layers());
                Layer<Rational> last = layers.get(layers.size() - 1);
                Rational[][] w = new Rational[last.width()][last.inputs()];
                Rational[] b = new Rational[last.width()];
                for (int q = 0; q < last.width(); q++) {
                    b[q] = last.bias(q).multiply(overshoot);
                    for (int j = 0; j < last.inputs(); j++) w[q][j] = last.weight(q, j).multiply(overshoot);
                }
                layers.set(layers.size() - 1, new Layer<>(RationalField.INSTANCE, last.inputs(), w, b));
                return Answer.network(new Network<>(RationalField.INSTANCE, g.inputDimension(), layers));
            } catch (InfeasibleInstanceException e) {
                return Answer.infeasible();
            }
        };
        Rational rtol = Rational.of(1, 100);
        GateConfig config = GateConfig.of("in-process overshoots").withOutputFolder(out).withShrinking(Duration.ofSeconds(20), 1)
                .withRelativeTolerance(rtol);
        GateReport r = new Gate(config, new InProcessImplementation(overshoots), QUIET).run(Gate.generated(GateInstances.moderate(2, 8, 2), 11, 12), null);
        assertThat(r.failures()).isNotEmpty();
        List<JsonNode> cases = replayAll(out.resolve("vectors"), r.failures().size());
        assertThat(cases).allMatch(t -> t.has("rtol") && t.get("rtol").asText().equals("1/100"));
        // The field matters: without it, some case replays to other failing samples.
        boolean differs = false;
        for (JsonNode t : cases) {
            com.fasterxml.jackson.databind.node.ObjectNode without = t.deepCopy();
            without.remove("rtol");
            differs |= !VectorFile.failingSamples(VectorFile.judge(without)).equals(VectorFile.expectedFailing(t));
        }
        assertThat(differs).isTrue();
    }

    private static List<JsonNode> replayAll(Path folder, int failures) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(failures);
        Schemas schemas = new Schemas();
        List<JsonNode> cases = new java.util.ArrayList<>();
        for (Path p : files) {
            VectorFile v = new VectorFile(p);
            assertThat(schemas.errors("ftc-vectors", v.text)).as(p.toString()).isEmpty();
            assertThat(v.tests()).hasSize(1);
            JsonNode t = v.tests().get(0);
            Verdict replayed = VectorFile.judge(t);
            assertThat(replayed.kind().label()).as(p + ": " + replayed.line()).isEqualTo(t.get("expected").get("verdict").asText());
            assertThat(VectorFile.failingSamples(replayed)).isEqualTo(VectorFile.expectedFailing(t));
            cases.add(t);
        }
        return cases;
    }

    private static String python() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, "-c", "import fractions").redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 is not available");
        return python;
    }
}
