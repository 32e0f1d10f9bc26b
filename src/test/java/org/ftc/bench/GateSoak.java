package org.ftc.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ftc.gate.Gate;
import org.ftc.gate.GateCase;
import org.ftc.gate.GateConfig;
import org.ftc.gate.GateInstances;
import org.ftc.gate.GateReport;
import org.ftc.gate.Verdict;
import org.ftc.instance.Instance;
import org.ftc.prop.Gen;

/**
 * Soak test of the gate (a command, not a unit test; docs/gate.md, "Soak and fault tests"):
 * {@code java -Xmx256m -cp target/ftc.jar:target/test-classes org.ftc.bench.GateSoak [count] [jobs...]}
 * (defaults 10000, jobs 2 and 8). Runs {@link SoakImplementation} in line mode and checks: every
 * instance has exactly one result line, every verdict is the one the implementation was told to
 * earn, no process of the run is left, and reports the peak heap in use. Exit 1 on any mismatch.
 */
public final class GateSoak {
    private GateSoak() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int[] jobs = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {2, 8};
        Path dir = Files.createTempDirectory("gate-soak");
        String impl = SoakImplementation.write(dir, Path.of("examples"));
        Gen<Instance> gen = GateInstances.instances(2, 8, 3);
        boolean ok = true;
        for (int j : jobs) {
            Path out = dir.resolve("out-jobs" + j);
            GateConfig config = GateConfig.of(impl).withLineMode(true).withJobs(j).withShrinking(Duration.ZERO, 0)
                    .withTimeout(SoakImplementation.TIMEOUT_MILLIS, SoakImplementation.LINE_LIMIT).withOutputFolder(out);
            long[] peak = {0};
            Thread sampler = new Thread(() -> {
                Runtime rt = Runtime.getRuntime();
                while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            Gate gate = new Gate(config, new PrintStream(OutputStream.nullOutputStream()));
            GateReport report = gate.run(Gate.generated(gen, 1, count), gen);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            Map<Verdict.Kind, Integer> expected = new EnumMap<>(Verdict.Kind.class);
            int wrong = 0;
            for (GateCase c : report.cases()) {
                Verdict.Kind want = SoakImplementation.expected(SoakImplementation.index(c.name()));
                expected.merge(want, 1, Integer::sum);
                if (c.verdict().kind() != want) {
                    if (wrong++ < 5) System.out.println("  MISMATCH " + c.name() + ": expected " + want.label() + ", got " + c.verdict().line());
                }
            }
            // results.jsonl: exactly one line per case, each with the expected verdict, then the summary.
            List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
            Map<String, Integer> seen = new HashMap<>();
            int badLines = 0;
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            for (int i = 0; i < lines.size() - 1; i++) {
                var node = mapper.readTree(lines.get(i));
                String name = node.get("case").asText();
                seen.merge(name, 1, Integer::sum);
                if (!node.get("verdict").asText().equals(SoakImplementation.expected(SoakImplementation.index(name)).label())) badLines++;
            }
            boolean summary = lines.get(lines.size() - 1).startsWith("{\"format\":\"ftc-gate-summary\"");
            long once = seen.values().stream().filter(v -> v == 1).count();
            Thread.sleep(500);
            long left = SoakImplementation.processesNaming(impl.substring(impl.indexOf(' ') + 1));
            boolean pass = wrong == 0 && badLines == 0 && once == count && seen.size() == count && summary && left == 0
                    && report.cases().size() == count;
            ok &= pass;
            System.out.printf("jobs %d: %d instances in %.1f s; verdicts %s (told: %s); %d mismatches; result lines: %d cases once, %d wrong;"
                            + " summary %s; processes left %d; process starts %d; peak heap in use %d MB; %s%n",
                    j, report.cases().size(), seconds, report.counts(), expected, wrong, once, badLines, summary ? "present" : "MISSING", left,
                    gate.lineProcessStarts(), peak[0] >> 20, pass ? "OK" : "FAILED");
        }
        System.exit(ok ? 0 : 1);
    }
}
