package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.conformance.Answer;
import org.ftc.conformance.Construction;
import org.ftc.conformance.InProcessImplementation;
import org.ftc.construct.Constructions;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three implementations of {@link Implementation} (process mode, line mode, a JVM
 * implementation in process) are judged alike: the same instances give the same verdict kinds
 * through all three, for a correct construction and for a wrong one that takes every path an
 * answer can take (a network, a claim of infeasibility, of no support, an error). (A JVM
 * implementation in the gate, shrunk, leaving vectors that replay: {@code org.ftc.spec.GateVectorsTest}.)
 */
class ImplementationTest {
    private static final Gen<Instance> GEN = GateInstances.instances(2, 8, 2);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** The suite's own construction, as a JVM implementer would wrap theirs. */
    static Answer correct(Instance instance) {
        try {
            return Answer.network(Constructions.construct(RationalField.INSTANCE, instance));
        } catch (InfeasibleInstanceException e) {
            return Answer.infeasible();
        }
    }

    /**
     * Wrong by the number of samples K: K = 0 mod 4 claims infeasible, 1 mod 4 throws, 2 mod 4 says
     * unsupported, 3 mod 4 answers g = 0 (right only when every label equals f(x)).
     */
    static Answer wrong(Instance instance) {
        switch (instance.sampleCount() % 4) {
            case 0:
                return Answer.infeasible();
            case 1:
                throw new IllegalStateException("planted crash");
            case 2:
                return Answer.unsupported("planted: not for K = 2 mod 4");
            default:
                return Answer.network(Network.zero(RationalField.INSTANCE, instance.dimension(), instance.depth()));
        }
    }

    /** The same wrong construction in Python, served by the ftc package in process and in line mode. */
    private static final String WRONG_PY = """
            import sys
            sys.path.insert(0, 'python')
            import ftc

            def construct(inst):
                k = inst.K % 4
                if k == 0:
                    raise ftc.Infeasible('claimed for K = 0 mod 4')
                if k == 1:
                    raise ValueError('planted crash')
                if k == 2:
                    raise ftc.Unsupported('planted: not for K = 2 mod 4')
                return ftc.Network.zero(inst.dimension, inst.depth)

            ftc.serve(construct)
            """;

    private static List<Verdict.Kind> kinds(Implementation impl, List<Gate.Input> inputs) {
        GateConfig config = GateConfig.of("the implementation under test").withShrinking(Duration.ZERO, 0);
        return new Gate(config, impl, QUIET).run(inputs, null).cases().stream().map(c -> c.verdict().kind()).toList();
    }

    /** Verdict kinds of the command in process mode, in line mode (with {@code --line}), and of {@code jvm} in process. */
    private static List<List<Verdict.Kind>> throughAllThree(String command, Construction jvm, List<Gate.Input> inputs) {
        return List.of(kinds(GateConfig.of(command).implementation(), inputs),
                kinds(GateConfig.of(command + " --line").withLineMode(true).implementation(), inputs),
                kinds(new InProcessImplementation(jvm), inputs));
    }

    @Test
    void theSameInstancesGetTheSameVerdictKindsThroughEveryImplementation(@TempDir Path dir) throws Exception {
        List<Gate.Input> inputs = oneOfEachPath(Gate.generated(GEN, 9, 40));
        Set<Integer> residues = inputs.stream().map(in -> in.instance().sampleCount() % 4).collect(Collectors.toSet());
        assertThat(residues).as("the instances take every path of the wrong construction").containsExactlyInAnyOrder(0, 1, 2, 3);

        List<List<Verdict.Kind>> correct = throughAllThree(Python.example("t2u_correct.py"), ImplementationTest::correct, inputs);
        assertThat(correct.get(0)).hasSize(inputs.size()).containsOnly(Verdict.Kind.PASS);
        assertThat(correct.get(1)).isEqualTo(correct.get(0));
        assertThat(correct.get(2)).isEqualTo(correct.get(0));

        Path script = dir.resolve("wrong.py");
        Files.writeString(script, WRONG_PY);
        List<List<Verdict.Kind>> wrong = throughAllThree(Python.interpreter() + " " + script, ImplementationTest::wrong, inputs);
        assertThat(wrong.get(0)).hasSize(inputs.size());
        // Each K class has its verdict, whichever way the construction was run.
        for (int i = 0; i < inputs.size(); i++) {
            Instance inst = inputs.get(i).instance();
            boolean infeasible = Judge.infeasibility(inst).isPresent();
            Verdict.Kind expected = switch (inst.sampleCount() % 4) {
                case 0 -> infeasible ? Verdict.Kind.PASS : Verdict.Kind.FALSE_INFEASIBLE;
                case 1 -> Verdict.Kind.CRASH;
                case 2 -> Verdict.Kind.UNSUPPORTED;
                default -> infeasible ? Verdict.Kind.MISSED_INFEASIBLE : wrongValueUnlessUnchanged(inst);
            };
            assertThat(wrong.get(0).get(i)).as("process mode, instance " + i).isEqualTo(expected);
        }
        assertThat(wrong.get(0)).as("every path of an answer is taken").contains(Verdict.Kind.CRASH, Verdict.Kind.UNSUPPORTED, Verdict.Kind.WRONG_VALUE, Verdict.Kind.MISSED_INFEASIBLE,
                Verdict.Kind.FALSE_INFEASIBLE);
        assertThat(wrong.get(1)).as("line mode").isEqualTo(wrong.get(0));
        assertThat(wrong.get(2)).as("in process").isEqualTo(wrong.get(0));
    }

    /**
     * The first instance of each kind the wrong construction tells apart (K mod 4, and whether the
     * instance is infeasible), so that the test keeps taking every path when the generator changes.
     */
    private static List<Gate.Input> oneOfEachPath(List<Gate.Input> pool) {
        Map<Integer, Gate.Input> first = new TreeMap<>();
        for (Gate.Input in : pool) {
            int path = 2 * (in.instance().sampleCount() % 4) + (Judge.infeasibility(in.instance()).isPresent() ? 1 : 0);
            first.putIfAbsent(path, in);
        }
        return List.copyOf(first.values());
    }

    /** g = 0 passes exactly when no label differs from f(x) (N = 0 means a budget of 0, which g = 0 meets). */
    private static Verdict.Kind wrongValueUnlessUnchanged(Instance inst) {
        for (Map.Entry<Integer, Rational> c : inst.changes().entrySet()) {
            Rational fx = inst.pretrained().evaluate(inst.samples()[c.getKey()]);
            if (!fx.equals(c.getValue())) return Verdict.Kind.WRONG_VALUE;
        }
        return Verdict.Kind.PASS;
    }

    @Test
    void aJvmImplementationPastItsTimeLimitIsATimeoutAndIsInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        InProcessImplementation hangs = new InProcessImplementation(i -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Answer.infeasible();
        });
        Instance one = JudgeTest.ONE_CHANGE;
        Attempt a = hangs.answer(one, "x", 200);
        assertThat(a).isInstanceOf(Attempt.Failed.class);
        assertThat(((Attempt.Failed) a).kind()).isEqualTo(Verdict.Kind.TIMEOUT);
        assertThat(new Judge(BudgetRule.DEFAULT, Rational.ZERO).judge(one, a).line()).startsWith("timeout: no answer within ");
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the construction's thread was interrupted").isTrue();
        // With a generous limit the same call answers, on its own thread.
        Attempt answered = new InProcessImplementation(ImplementationTest::correct).answer(one, "x", 60_000);
        assertThat(new Judge(BudgetRule.DEFAULT, Rational.ZERO).judge(one, answered).kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void anErrorThrownByAJvmImplementationIsNotAVerdict() {
        // An AssertionError (a broken test helper, say) propagates as it would on the caller's thread, with or without a time limit.
        InProcessImplementation asserts = new InProcessImplementation(i -> {
            throw new AssertionError("not a crash of the construction");
        });
        assertThatThrownBy(() -> asserts.answer(JudgeTest.ONE_CHANGE, "x", InProcessImplementation.NO_LIMIT)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> asserts.answer(JudgeTest.ONE_CHANGE, "x", 60_000)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anyImplementationCanBeGatedAndAJudgingTimeoutKeepsWhatTheRunReported() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        // An answer whose exact check does not end (it stands for arithmetic on enormous numbers).
        Implementation slowToJudge = new Implementation() {
            @Override
            public Attempt answer(Instance instance, String attemptId, long timeoutMillis) {
                return new Attempt.Answered("answered exit status 0", () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        throw new Attempt.Unreadable("interrupted");
                    }
                    throw new Attempt.Unreadable("never");
                }, new Attempt.Run(0, "last words", 42, new byte[] {'g'}));
            }

            @Override
            public AnswerForm form() {
                return AnswerForm.EXIT_STATUS_AND_DOCUMENT;
            }
        };
        GateConfig config = GateConfig.of("slow to judge").withTimeout(300, GateConfig.DEFAULT_MAX_OUTPUT).withShrinking(Duration.ZERO, 0);
        try (Gate gate = new Gate(config, slowToJudge, QUIET)) {
            Gate.Judged j = gate.runOne(JudgeTest.ONE_CHANGE);
            assertThat(j.verdict().kind()).isEqualTo(Verdict.Kind.TIMEOUT);
            assertThat(j.verdict().message()).startsWith("stage judging:");
            assertThat(j.verdict().exitStatus()).isZero();
            assertThat(j.verdict().stderrTail()).isEqualTo("last words");
            assertThat(j.verdict().elapsedMillis()).isEqualTo(42);
            assertThat(j.output()).containsExactly('g');
        }
    }

    @Test
    void aFailedAttemptIsATimeoutABadOutputOrACrash() {
        Attempt.Run run = new Attempt.Run(-1, "", 0, new byte[0]);
        assertThatThrownBy(() -> new Attempt.Failed(Verdict.Kind.PASS, "no", run)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attempt.Failed(Verdict.Kind.WRONG_VALUE, "no", run)).isInstanceOf(IllegalArgumentException.class);
    }
}
