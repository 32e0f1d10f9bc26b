package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftc.cli.Ftc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The gate as a JUnit entry: {@code mvn test -Dtest=GateTest -Dftc.impl="python3 examples/t2u_correct.py"}
 * runs {@code ftc gate} on that command and fails with the gate's report when any verdict is not
 * pass. Every option of {@code ftc gate} is a property {@code -Dftc.gate.<option>}:
 * {@code -Dftc.gate.line=true}, {@code -Dftc.gate.count=500}, {@code -Dftc.gate.tolerance=1e-9},
 * {@code -Dftc.gate.rtol=1e-9}, {@code -Dftc.gate.profile=moderate}, {@code -Dftc.gate.depth=3},
 * {@code -Dftc.gate.eval=float32}, ... ({@code -Dftc.seed} is the seed, default 1; the results go to
 * {@code target/gate-test}, replaced on every run, unless {@code -Dftc.gate.out} says otherwise). An unknown
 * {@code -Dftc.gate.*} property fails the test, naming the options there are. Skipped without
 * {@code ftc.impl}.
 */
class GateTest {
    static final String PREFIX = "ftc.gate.";

    /** {@code ftc gate} arguments from the {@code ftc.gate.*} properties; an unknown one is an error naming the known ones. */
    static List<String> arguments(String impl, Map<String, String> properties, CommandSpec gate) {
        Map<String, String> given = new TreeMap<>(properties);
        List<String> args = new ArrayList<>(List.of("--impl", impl));
        // The default folder is the test's own, under target/: a rerun replaces it (a folder of the
        // user's own, -Dftc.gate.out, is refused when not empty, as on the command line).
        if (!given.containsKey("out")) {
            given.put("out", "target/gate-test");
            given.putIfAbsent("overwrite", "true");
        }
        given.putIfAbsent("count", "100");
        if (!given.containsKey("seed") && !given.containsKey("instances")) given.put("seed", System.getProperty("ftc.seed", "1").isBlank() ? "1" : System.getProperty("ftc.seed", "1"));
        for (Map.Entry<String, String> e : given.entrySet()) {
            OptionSpec option = gate.findOption("--" + e.getKey());
            if (option == null || e.getKey().equals("impl") || e.getKey().equals("help") || e.getKey().equals("version")) {
                List<String> known = new ArrayList<>();
                for (OptionSpec o : gate.options()) {
                    String name = o.longestName().replaceFirst("^--", "");
                    if (!List.of("impl", "help", "version").contains(name)) known.add(PREFIX + name);
                }
                throw new IllegalArgumentException("unknown property -D" + PREFIX + e.getKey() + " (the gate's options are: " + String.join(", ", known) + ")");
            }
            if (option.arity().max == 0) {
                if (Boolean.parseBoolean(e.getValue().trim())) args.add("--" + e.getKey());
            } else {
                args.addAll(List.of("--" + e.getKey(), e.getValue()));
            }
        }
        return args;
    }

    static Map<String, String> gateProperties() {
        Map<String, String> out = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith(PREFIX)) out.put(k.toString().substring(PREFIX.length()), v.toString());
        });
        return out;
    }

    @Test
    void implementationPassesTheGate() {
        String impl = System.getProperty("ftc.impl", "");
        Assumptions.assumeFalse(impl.isBlank(), "no -Dftc.impl=\"command\" given");
        CommandLine cl = Ftc.commandLine();
        List<String> args = new ArrayList<>(List.of("gate"));
        args.addAll(arguments(impl, gateProperties(), cl.getSubcommands().get("gate").getCommandSpec()));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int status = cl.execute(args.toArray(String[]::new));
        assertThat(status).as("ftc " + String.join(" ", args) + "\n" + out).isZero();
    }

    @Test
    void everyGateOptionIsAPropertyAndUnknownOnesAreRefused() {
        CommandSpec gate = Ftc.commandLine().getSubcommands().get("gate").getCommandSpec();
        List<String> args = arguments("impl", Map.of("line", "true", "quiet", "false", "tolerance", "1e-9", "rtol", "1e-9",
                "profile", "moderate", "depth", "3", "eval", "float32", "count", "500"), gate);
        assertThat(String.join(" ", args)).contains("--line").doesNotContain("--quiet").contains("--tolerance 1e-9", "--rtol 1e-9",
                "--profile moderate", "--depth 3", "--eval float32", "--count 500", "--out target/gate-test", "--overwrite", "--seed");
        assertThat(String.join(" ", arguments("impl", Map.of("out", "mine"), gate))).contains("--out mine").doesNotContain("--overwrite");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> arguments("impl", Map.of("tolerence", "1"), gate))
                .hasMessageContaining("unknown property -Dftc.gate.tolerence").hasMessageContaining("ftc.gate.tolerance");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> arguments("impl", Map.of("impl", "x"), gate))
                .hasMessageContaining("unknown property -Dftc.gate.impl");
    }
}
