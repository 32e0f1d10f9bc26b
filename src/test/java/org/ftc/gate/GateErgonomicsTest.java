package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.ftc.instance.Instance;
import org.ftc.prop.Gen;
import org.junit.jupiter.api.Test;

/** Unsupported depths, the mode-mismatch hints and the stop after repeated timeouts (docs/gate.md). */
class GateErgonomicsTest {
    private static final Gen<Instance> GEN = GateInstances.instances(2, 6, 2);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String ANSWER = "{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"%s\"}";

    private static GateReport run(GateConfig config, int count) {
        try (Gate gate = new Gate(config, QUIET)) {
            return gate.run(Gate.generated(GEN, 3, count), GEN);
        }
    }

    @Test
    void exitFourIsUnsupportedAndNotShrunk() {
        GateReport r = run(GateConfig.of("cat > /dev/null; echo 'only depth 3' >&2; exit 4").withJobs(1).withShrinking(Duration.ofSeconds(5), 3), 4);
        assertThat(r.cases()).hasSize(4).allSatisfy(c -> {
            assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.UNSUPPORTED);
            assertThat(c.verdict().message()).startsWith("exit status 4: no construction for depth 2").contains("only depth 3");
            assertThat(c.shrunk()).isEmpty();
        });
        assertThat(r.passed()).isFalse();
    }

    @Test
    void statusUnsupportedInLineMode() {
        // Line mode needs the instance's id echoed: taken from the instance line with sed.
        String impl = "while read l; do id=$(printf '%s' \"$l\" | sed 's/.*\"id\":\"\\([^\"]*\\)\".*/\\1/'); "
                + "echo '{\"format\":\"ftc-answer\",\"version\":1,\"instance\":\"'\"$id\"'\",\"status\":\"unsupported\"}'; done";
        GateReport r = run(GateConfig.of(impl).withLineMode(true).withJobs(1).withShrinking(Duration.ofSeconds(5), 3), 3);
        assertThat(r.cases()).hasSize(3).allSatisfy(c -> {
            assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.UNSUPPORTED);
            assertThat(c.shrunk()).isEmpty();
        });
    }

    @Test
    void aCommandThatCrashesTheSameWayOnEveryInstanceIsNamedAsOneThatMayNotStart() {
        GateReport r = run(GateConfig.of("cat > /dev/null; echo \"can't open file 'no/such.py'\" >&2; exit 2").withJobs(1)
                .withShrinking(Duration.ZERO, 0), 3);
        assertThat(r.cases()).hasSize(3).allSatisfy(c -> assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.CRASH));
        assertThat(r.describe(null)).contains("every instance crashed with the same standard error (can't open file 'no/such.py')")
                .contains("--impl runs in " + r.config().workingDirectory());
        // crashes that differ (a real bug that depends on the instance) get no such line
        GateReport varied = run(GateConfig.of("wc -c >&2; exit 1").withJobs(1).withShrinking(Duration.ZERO, 0), 3);
        assertThat(varied.cases()).allSatisfy(c -> assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.CRASH));
        assertThat(varied.describe(null)).doesNotContain("every instance crashed");
    }

    @Test
    void anAnswerLineInProcessModeAsksAboutLineMode() {
        String impl = "cat > /dev/null; echo '" + String.format(ANSWER, "error") + "'";
        GateReport r = run(GateConfig.of(impl).withJobs(1).withShrinking(Duration.ZERO, 0), 2);
        assertThat(r.cases()).allSatisfy(c -> {
            assertThat(c.verdict().kind()).isEqualTo(Verdict.Kind.BAD_OUTPUT);
            assertThat(c.verdict().message()).endsWith("(the output is an ftc-answer line: did you mean --line?)");
        });
        // an ordinary malformed output gets no such hint
        GateReport plain = run(GateConfig.of("cat > /dev/null; echo '{}'").withJobs(1).withShrinking(Duration.ZERO, 0), 1);
        assertThat(plain.cases().get(0).verdict().message()).doesNotContain("--line");
    }

    @Test
    void repeatedTimeoutsStopTheRunWithAHint() {
        // reads every line and never answers
        GateConfig config = GateConfig.of("while read l; do :; done").withLineMode(true).withJobs(1)
                .withTimeout(300, GateConfig.DEFAULT_MAX_OUTPUT).withShrinking(Duration.ZERO, 0);
        try (Gate gate = new Gate(config, QUIET)) {
            GateReport r = gate.run(Gate.generated(GEN, 3, 20), GEN);
            assertThat(r.cases()).hasSize(Gate.STOP_AFTER_TIMEOUTS);
            assertThat(r.cases()).allSatisfy(c -> assertThat(c.verdict().message()).contains("answers must end with a newline and be flushed"));
            assertThat(r.cases().get(0).verdict().message()).contains("a fresh process: the time includes its start");
            assertThat(gate.stopReason()).hasValueSatisfying(s -> assertThat(s).startsWith("gate stopped early: 5 timeouts in a row")
                    .contains("not yet started were not judged").contains("--timeout-ms"));
        }
    }

    @Test
    void profilesNameTheirGenerators() {
        assertThat(GateInstances.Profile.parse("moderate")).isEqualTo(GateInstances.Profile.MODERATE);
        assertThat(GateInstances.Profile.parse("adversarial")).isEqualTo(GateInstances.Profile.ADVERSARIAL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GateInstances.Profile.parse("mild")).hasMessageContaining("moderate or adversarial");
        // moderate numbers stay short; the adversarial profile reaches 1e30-sized spellings
        Gen<Instance> moderate = GateInstances.of(GateInstances.Profile.MODERATE, 2, 12, 3);
        Gen<Instance> adversarial = GateInstances.of(GateInstances.Profile.ADVERSARIAL, 2, 12, 3);
        int longestModerate = 0;
        int longestAdversarial = 0;
        for (Gate.Input in : Gate.generated(moderate, 11, 200)) longestModerate = Math.max(longestModerate, longest(in.instance()));
        for (Gate.Input in : Gate.generated(adversarial, 11, 200)) longestAdversarial = Math.max(longestAdversarial, longest(in.instance()));
        assertThat(longestModerate).isLessThan(20);
        assertThat(longestAdversarial).isGreaterThan(25);
    }

    /** The longest number string of the instance's document (every number is a JSON string of number characters). */
    private static int longest(Instance i) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([-+0-9./eEpPxXa-fA-F]+)\"").matcher(org.ftc.io.InstanceCodec.writeCompact(i));
        int longest = 0;
        while (m.find()) longest = Math.max(longest, m.group(1).length());
        return longest;
    }
}
