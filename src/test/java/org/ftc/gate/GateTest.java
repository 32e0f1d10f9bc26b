package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.ftc.instance.Instance;
import org.ftc.prop.Gen;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The gate as a JUnit entry: {@code mvn test -Dftc.impl="python3 examples/t2u_correct.py"} judges
 * that command on generated instances ({@code -Dftc.gate.count}, default 100; {@code -Dftc.seed})
 * and fails with the gate's report when any verdict is not pass; {@code -Dftc.gate.line=true} uses line
 * mode ({@code -Dftc.impl="python3 examples/t2u_correct.py --line"}). Skipped without {@code ftc.impl}.
 */
class GateTest {
    @Test
    void implementationPassesTheGate() {
        String impl = System.getProperty("ftc.impl", "");
        Assumptions.assumeFalse(impl.isBlank(), "no -Dftc.impl=\"command\" given");
        int count = Integer.getInteger("ftc.gate.count", 100);
        String seedText = System.getProperty("ftc.seed", "");
        long seed = seedText.isBlank() ? 1 : Long.parseLong(seedText);
        Path out = Path.of(System.getProperty("ftc.gate.out", "target/gate-test"));
        Gen<Instance> gen = GateInstances.instances(2, 12, 3);
        boolean line = Boolean.parseBoolean(System.getProperty("ftc.gate.line", "false").trim());
        GateConfig config = GateConfig.of(impl).withOutputFolder(out).withShrinking(Duration.ofSeconds(30), 1).withLineMode(line);
        GateReport report;
        try (Gate gate = new Gate(config, System.err)) {
            report = gate.run(Gate.generated(gen, seed, count), gen);
        }
        assertThat(report.passed()).as(report.describe(GateFiles.replayCommand(config, out.resolve("counterexamples")))).isTrue();
    }
}
