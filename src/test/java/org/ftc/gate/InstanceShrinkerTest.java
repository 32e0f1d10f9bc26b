package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceShrinkerTest {
    private static final RationalField Q = RationalField.INSTANCE;

    private static Rational q(long n) {
        return Rational.of(n);
    }

    /** K = 4, d = 2, f with one neuron, changes {1: 17/3, 3: 7}. */
    private static Instance start() {
        Rational[][] samples = {{q(1), q(2)}, {q(-3), q(4)}, {Rational.of(1, 3), q(0)}, {q(5), q(-2)}};
        Network<Rational> f = new Network<>(Q, 2, List.of(new Layer<>(Q, 2, new Rational[][] {{q(1), q(-1)}}, new Rational[] {q(2)}),
                new Layer<>(Q, 1, new Rational[][] {{q(3)}}, new Rational[] {q(1)})));
        return new Instance("start", 2, samples, f, Map.of(1, Rational.of(17, 3), 3, q(7)), 2);
    }

    private static Verdict verdict(Verdict.Kind kind) {
        return new Verdict(kind, "", List.of(), 0, OptionalLong.empty(), 0, "", 0);
    }

    /** A fake implementation that fails (wrong-value) exactly when some changed label is at least 5. */
    private static InstanceShrinker.Judging fake(List<Instance> judged) {
        Predicate<Instance> fails = i -> i.changes().values().stream().anyMatch(v -> v.compareTo(q(5)) >= 0);
        return (candidates, deadline) -> {
            judged.addAll(candidates);
            List<Gate.Judged> out = new ArrayList<>();
            for (Instance c : candidates) out.add(new Gate.Judged(verdict(fails.test(c) ? Verdict.Kind.WRONG_VALUE : Verdict.Kind.PASS), new byte[0]));
            return out;
        };
    }

    @Test
    void shrinksToTheSmallestInstanceThatFailsTheSameWay() {
        // By hand: f = 0 keeps the failure; ddmin deletes samples 0-1 (sample 3, label 7, stays),
        // then sample 0 of the two left; d = 1 by the direction (t = 5 - 2 = 3); the coordinate
        // becomes 0; the label 7 stays (0, 1, -1 and 3, the simpler candidates, are below 5).
        Instance expected = new Instance("start", 1, new Rational[][] {{q(0)}}, Network.zero(Q, 1, 2), Map.of(0, q(7)), 2);
        for (int width : new int[] {1, 2, 5}) {
            List<Instance> judged = new ArrayList<>();
            InstanceShrinker.Result r = InstanceShrinker.shrink(start(), new Gate.Judged(verdict(Verdict.Kind.WRONG_VALUE), new byte[0]),
                    fake(judged), width, System.nanoTime() + Duration.ofSeconds(60).toNanos(), null, "t");
            assertThat(InstanceCodec.writeCompact(r.instance())).as("width " + width).isEqualTo(InstanceCodec.writeCompact(expected));
            assertThat(r.budgetExhausted()).isFalse();
            assertThat(r.tries()).isEqualTo(judged.size()); // every distinct candidate judged once
            assertThat(r.helped()).contains("f = 0 1/").contains("delete samples 2/").contains("lower dimension 1/");
            if (width == 1) {
                // f = 0 (1 try), delete 0-1 and 0 (2), drop the change (1, passes), the direction (1),
                // the coordinate 3 to 0 (1), the label 7 to 0, 1, -1, 3 (4, all pass); round two:
                // drop the change again on the new instance (1): 11 tries
                assertThat(r.helped()).isEqualTo("f = 0 1/1, delete samples 2/2, lower dimension 1/1, simpler numbers 1/5");
                assertThat(r.tries()).isEqualTo(11);
            }
        }
    }

    @Test
    void aBugThatNeedsANonzeroResidualShrinksToZeroPretrainedWithTheResidualAsLabel() {
        // A fake that drops the residual of every change (as if g ignored the changed samples):
        // it fails exactly when some changed label differs from f there. Start: K = 1, d = 1,
        // x = 2, f = the constant 1, new label 0 (residual -1). f = 0 with the label kept makes
        // the residual 0 and passes; f = 0 with the residual -1 as the label keeps the failure;
        // the coordinate 2 becomes 0; the label -1 becomes 1 (the small integers are tried in the
        // order 0, 1, -1, ...: 0 passes, 1 still fails).
        Instance start = new Instance("r", 1, new Rational[][] {{q(2)}}, InstanceEdits.constant(1, q(1)), Map.of(0, q(0)), 2);
        Predicate<Instance> fails = i -> i.changes().entrySet().stream()
                .anyMatch(c -> !c.getValue().equals(i.pretrained().evaluate(i.samples()[c.getKey()])));
        InstanceShrinker.Judging judging = (candidates, deadline) -> {
            List<Gate.Judged> out = new ArrayList<>();
            for (Instance c : candidates) out.add(new Gate.Judged(verdict(fails.test(c) ? Verdict.Kind.WRONG_VALUE : Verdict.Kind.PASS), new byte[0]));
            return out;
        };
        InstanceShrinker.Result r = InstanceShrinker.shrink(start, new Gate.Judged(verdict(Verdict.Kind.WRONG_VALUE), new byte[0]),
                judging, 1, System.nanoTime() + Duration.ofSeconds(60).toNanos(), null, "t");
        Instance expected = new Instance("r", 1, new Rational[][] {{q(0)}}, Network.zero(Q, 1, 2), Map.of(0, q(1)), 2);
        assertThat(InstanceCodec.writeCompact(r.instance())).isEqualTo(InstanceCodec.writeCompact(expected));
        assertThat(r.helped()).startsWith("f = 0 1/2");
    }

    @Test
    void aPassingStartIsRefusedAndAnErrorOfTheJudgeEndsTheShrink() {
        assertThatThrownBy(() -> InstanceShrinker.shrink(start(), new Gate.Judged(verdict(Verdict.Kind.PASS), new byte[0]), fake(new ArrayList<>()),
                1, System.nanoTime() + 1_000_000_000L, null, "t")).isInstanceOf(IllegalArgumentException.class);
        InstanceShrinker.Judging broken = (c, d) -> {
            throw new IllegalStateException("internal error while judging a shrink candidate: boom");
        };
        assertThatThrownBy(() -> InstanceShrinker.shrink(start(), new Gate.Judged(verdict(Verdict.Kind.WRONG_VALUE), new byte[0]), broken, 1,
                System.nanoTime() + 1_000_000_000L, null, "t")).hasMessageContaining("boom");
    }

    @Test
    void parallelJudgingGivesEveryTryAtMostTheTimeLeftAndNoneAfterTheDeadline() {
        List<Long> limits = new CopyOnWriteArrayList<>();
        ParallelJudging.Trial trial = (inst, timeout) -> {
            limits.add(timeout);
            return new Gate.Judged(verdict(Verdict.Kind.PASS), new byte[0]);
        };
        try (ParallelJudging j = new ParallelJudging(trial, 10_000, 2)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            List<Gate.Judged> r = j.judge(List.of(start(), start(), start()), deadline);
            assertThat(r).hasSize(3).doesNotContainNull();
            assertThat(limits).hasSize(3).allMatch(ms -> ms >= 1 && ms <= 3_000);
            assertThat(j.judge(List.of(start()), System.nanoTime() - 1)).containsExactly((Gate.Judged) null);
            assertThat(limits).hasSize(3);
        }
        ParallelJudging.Trial failing = (inst, timeout) -> {
            throw new ArithmeticException("a bug of the judge");
        };
        try (ParallelJudging j = new ParallelJudging(failing, 10_000, 2)) {
            assertThatThrownBy(() -> j.judge(List.of(start()), System.nanoTime() + 1_000_000_000L))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("internal error").hasMessageContaining("a bug of the judge");
        }
    }

    @Test
    void aPlantedWrongSignShrinksToTwoSamplesInOneDimension(@TempDir Path dir) throws Exception {
        // examples/buggy/wrong_sign.py: the minimum (README there, by hand) is K = 2, N = 1, d = 1,
        // f = 0: a changed sample with an unchanged one to its right. Line mode (one process, a try
        // is one line: 1 s where one process per try took 5 to 17 s on a loaded machine; the
        // benchmark examples/buggy/benchmark.py shrinks with one process per try); the budget is
        // generous, the shrink ends on its own at its fixpoint (about 20 tries).
        Path file = dir.resolve("start.json");
        Files.writeString(file, InstanceCodec.write(start()));
        GateConfig config = GateConfig.of(Python.interpreter() + " examples/buggy/wrong_sign.py --line").withLineMode(true)
                .withShrinking(Duration.ofSeconds(300), 1);
        GateReport r = new Gate(config, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run(Gate.fromFiles(file), null);
        GateCase c = r.failures().get(0);
        assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        Instance s = c.shrunk().orElseThrow().instance();
        assertThat(List.of(s.sampleCount(), s.changeCount(), s.dimension())).containsExactly(2, 1, 1);
        assertThat(InstanceEdits.isZero(s.pretrained())).isTrue();
        assertThat(c.shrunk().get().verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        assertThat(c.shrunk().get().tries()).isPositive();
    }

    @Test
    void aPlantedThreeLayerCellBoundaryShrinksToTwoChangedSamples(@TempDir Path dir) throws Exception {
        // examples/buggy/cell_boundary.py (depth 3): fails exactly when two or more samples have a
        // nonzero residual (README there, by hand), so the minimum is K = 2, N = 2, d = 1, f = 0.
        // Line mode (one process, a try is one line) keeps this smoke test fast.
        Rational[][] samples = {{q(1), q(2)}, {q(-3), q(4)}, {Rational.of(1, 3), q(0)}, {q(5), q(-2)}};
        Instance cells = new Instance("cells", 2, samples, start().pretrained(), Map.of(0, q(3), 1, Rational.of(17, 3), 2, q(-2), 3, q(7)), 3);
        Path file = dir.resolve("start.json");
        Files.writeString(file, InstanceCodec.write(cells));
        GateConfig config = GateConfig.of(Python.interpreter() + " examples/buggy/cell_boundary.py --line").withLineMode(true)
                .withShrinking(Duration.ofSeconds(300), 1);
        GateReport r = new Gate(config, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run(Gate.fromFiles(file), null);
        GateCase c = r.failures().get(0);
        assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        Instance s = c.shrunk().orElseThrow().instance();
        assertThat(List.of(s.sampleCount(), s.changeCount(), s.dimension(), s.depth())).containsExactly(2, 2, 1, 3);
        assertThat(InstanceEdits.isZero(s.pretrained())).isTrue();
    }
}
