package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.io.NetworkCodec;
import org.junit.jupiter.api.Test;

class JudgeTest {
    // One sample x = 0 changed to 1, two untouched samples at -1 and 1 (f = 0). The hat
    // relu(t + 1) - 2 relu(t) + relu(t - 1) is 1 at 0 and 0 at -1 and 1: three neurons, B2(1) = 3.
    static final Instance ONE_CHANGE = Instance.withZeroPretrained(1,
            new Rational[][] {{Rational.of(-1)}, {Rational.ZERO}, {Rational.ONE}}, Map.of(1, Rational.ONE), 2);
    static final String HAT = "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":1,\"layers\":["
            + "{\"weights\":[[\"1\"],[\"1\"],[\"1\"]],\"biases\":[\"1\",\"0\",\"-1\"]},{\"weights\":[[\"1\",\"-2\",\"1\"]],\"biases\":[\"0\"]}]}";
    static final Instance INFEASIBLE = Instance.withZeroPretrained(1,
            new Rational[][] {{Rational.ZERO}, {Rational.ZERO}}, Map.of(1, Rational.ONE), 2);

    private final Judge exact = new Judge(BudgetRule.DEFAULT, Rational.ZERO);

    /** The verdict on one run in process mode. */
    private static Verdict judge(Judge judge, Instance instance, RunResult run) {
        return judge.judge(instance, ProcessImplementation.attempt(instance, run, NetworkCodec.DEFAULT));
    }

    private static RunResult answer(int status, String stdout) {
        return RunResult.exited(status, stdout.getBytes(StandardCharsets.UTF_8), "");
    }

    @Test
    void passWhenExactAndWithinBudget() {
        Verdict v = judge(exact, ONE_CHANGE, answer(0, HAT));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(v.neurons()).isEqualTo(3);
        assertThat(v.budget().getAsLong()).isEqualTo(3);
    }

    @Test
    void wrongValueNamesTheSample() {
        // Output weight 3/4 instead of 1 on relu(t + 1): at t = -1 still 0; at t = 0 it gives 3/4
        // (wanted 1); at t = 1 it gives 3/4 * 2 - 2 * 1 = -1/2 (wanted 0).
        Verdict v = judge(exact, ONE_CHANGE, answer(0, HAT.replace("[[\"1\",\"-2\",\"1\"]]", "[[\"3/4\",\"-2\",\"1\"]]")));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.WRONG_VALUE);
        assertThat(v.failures()).hasSize(2);
        assertThat(v.failures().get(0).index()).isEqualTo(1);
        assertThat(v.failures().get(0).wanted()).isEqualTo(Rational.ONE);
        assertThat(v.failures().get(0).actual()).isEqualTo(Rational.of(3, 4));
        assertThat(v.failures().get(1).index()).isEqualTo(2);
        assertThat(v.failures().get(1).actual()).isEqualTo(Rational.of(-1, 2));
        assertThat(v.line()).startsWith("wrong-value: 2 of 3 sample(s) miss their target (max error 1/2 (~0.5))");
    }

    @Test
    void toleranceIsComparedExactly() {
        // Weight 999/1000 on relu(t + 1): errors 1/1000 at t = 0 and 2/1000 at t = 1 (999/1000 * 2 - 2).
        // Passes with tolerance 1/500 (the largest error, equality allowed), fails with 1999/1000000.
        String off = HAT.replace("[[\"1\",\"-2\",\"1\"]]", "[[\"999/1000\",\"-2\",\"1\"]]");
        assertThat(judge(new Judge(BudgetRule.DEFAULT, Rational.of(1, 500)), ONE_CHANGE, answer(0, off)).kind())
                .isEqualTo(Verdict.Kind.PASS);
        assertThat(judge(new Judge(BudgetRule.DEFAULT, Rational.of(1999, 1_000_000)), ONE_CHANGE, answer(0, off)).kind())
                .isEqualTo(Verdict.Kind.WRONG_VALUE);
    }

    @Test
    void overBudget() {
        Verdict v = judge(new Judge(BudgetRule.parse("2N"), Rational.ZERO), ONE_CHANGE, answer(0, HAT));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.OVER_BUDGET);
        assertThat(v.message()).startsWith("3 neurons, budget 2");
    }

    @Test
    void badOutput() {
        assertThat(judge(exact, ONE_CHANGE, answer(0, "not json")).kind()).isEqualTo(Verdict.Kind.BAD_OUTPUT);
        assertThat(judge(exact, ONE_CHANGE, answer(0, "")).kind()).isEqualTo(Verdict.Kind.BAD_OUTPUT);
        Verdict wrongType = judge(exact, ONE_CHANGE, answer(0, HAT.replace("\"-2\"", "true")));
        assertThat(wrongType.line()).isEqualTo("bad-output: layers[1].weights[0][1]: expected a number string, got true");
        // A depth-1 answer to a depth-2 question.
        Verdict depth = judge(exact, ONE_CHANGE, answer(0, "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":1,"
                + "\"layers\":[{\"weights\":[[\"0\"]],\"biases\":[\"0\"]}]}"));
        assertThat(depth.kind()).isEqualTo(Verdict.Kind.BAD_OUTPUT);
        assertThat(depth.message()).contains("depth 1 but depth 2 was asked");
        RunResult tooLong = new RunResult(-1, new byte[0], "", 5, false, true, 100);
        assertThat(judge(exact, ONE_CHANGE, tooLong).kind()).isEqualTo(Verdict.Kind.BAD_OUTPUT);
    }

    @Test
    void crashTimeoutAndInfeasibility() {
        assertThat(judge(exact, ONE_CHANGE, RunResult.exited(7, new byte[0], "Traceback\nValueError: boom\n")).line())
                .isEqualTo("crash: exit status 7; stderr ends: ValueError: boom");
        assertThat(judge(exact, ONE_CHANGE, new RunResult(-1, new byte[0], "", 1000, true, false, 100)).kind()).isEqualTo(Verdict.Kind.TIMEOUT);
        assertThat(judge(exact, ONE_CHANGE, answer(3, "")).kind()).isEqualTo(Verdict.Kind.FALSE_INFEASIBLE);
        assertThat(judge(exact, INFEASIBLE, answer(3, "")).kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(judge(exact, INFEASIBLE, answer(0, HAT)).kind()).isEqualTo(Verdict.Kind.MISSED_INFEASIBLE);
    }

    @Test
    void verdictJsonIsOneLine() {
        Verdict v = judge(exact, ONE_CHANGE, answer(0, HAT.replace("[[\"1\",\"-2\",\"1\"]]", "[[\"3/4\",\"-2\",\"1\"]]")));
        String json = v.toJson("x\"y");
        assertThat(json).doesNotContain("\n").startsWith("{\"format\":\"ftc-verdict\",\"version\":1,\"instance\":\"x\\\"y\",\"verdict\":\"wrong-value\"")
                .contains("\"failures\":[{\"index\":1,\"changed\":true,\"wanted\":\"1\",\"got\":\"3/4\"},"
                        + "{\"index\":2,\"changed\":false,\"wanted\":\"0\",\"got\":\"-1/2\"}]");
    }

    @Test
    void budgetRules() {
        assertThat(BudgetRule.DEFAULT.budget(2, 7).getAsLong()).isEqualTo(21);
        // B3(7) = min over M: M=1: 1+28=29, M=2: 3+16=19, M=3: 5+12=17, M=4: 7+8=15, M=5: 9+8=17 -> 15.
        assertThat(BudgetRule.DEFAULT.budget(3, 7).getAsLong()).isEqualTo(15);
        // The default has no budget beyond depth 3; tl: B3(N) + (L - 3) at depth L >= 4.
        assertThat(BudgetRule.DEFAULT.budget(4, 7)).isEmpty();
        assertThat(BudgetRule.parse("tl").budget(4, 7).getAsLong()).isEqualTo(16);
        assertThat(BudgetRule.parse("tl").budget(3, 7).getAsLong()).isEqualTo(15);
        assertThat(BudgetRule.parse("tl").budget(1, 7)).isEmpty();
        // t3c: max over N+ + N- = 7 of G(N+) + G(N-) + 1, G(n) = min_T floor(n/T) + 3T:
        // G = 0, 4, 5, 6, 7, 8, 9, 9 for n = 0..7; the worst split is 14 (1+6, 2+5, 3+4).
        assertThat(BudgetRule.parse("t3c").budget(3, 7).getAsLong()).isEqualTo(14);
        assertThat(BudgetRule.parse("t3c").budget(5, 7).getAsLong()).isEqualTo(16);
        assertThat(BudgetRule.parse("t3c").budget(2, 7).getAsLong()).isEqualTo(21);
        assertThat(BudgetRule.parse("2N+1").budget(2, 5).getAsLong()).isEqualTo(11);
        assertThat(BudgetRule.parse("N").budget(2, 5).getAsLong()).isEqualTo(5);
        assertThat(BudgetRule.parse("17").budget(3, 5).getAsLong()).isEqualTo(17);
        assertThat(BudgetRule.parse("none").budget(2, 5)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BudgetRule.parse("3M")).isInstanceOf(IllegalArgumentException.class);
    }
}
