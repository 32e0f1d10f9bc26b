package org.ftc.gate;

import org.ftc.io.NumberParser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ftc.arith.Rational;
import org.junit.jupiter.api.Test;

class GateFilesTest {
    @Test
    void replayCommandKeepsEverySettingThatDecidesAVerdict() throws Exception {
        GateConfig config = GateConfig.of("python3 my impl.py").withBudget(BudgetRule.parse("2N+1"))
                .withTolerance(NumberParser.exact("1e-9")).withTimeout(2500, 4096);
        String command = GateFiles.replayCommand(config, Path.of("out/counterexamples"));
        assertThat(command).startsWith("./ftc gate --impl 'python3 my impl.py' --instances out/counterexamples --out out-replay --overwrite");
        assertThat(command).contains("--budget 2N+1", "--tolerance 1/1000000000", "--timeout-ms 2500", "--max-output-bytes 4096");
    }

    @Test
    void lineModeIsRepeated() {
        String command = GateFiles.replayCommand(GateConfig.of("impl --line").withLineMode(true), Path.of("o/c"));
        assertThat(command).isEqualTo("./ftc gate --impl 'impl --line' --instances o/c --out o-replay --overwrite --line");
    }

    @Test
    void defaultsAreLeftOut() {
        String command = GateFiles.replayCommand(GateConfig.of("impl"), Path.of("o/c"));
        assertThat(command).isEqualTo("./ftc gate --impl impl --instances o/c --out o-replay --overwrite");
    }
}
