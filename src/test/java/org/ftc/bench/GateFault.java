package org.ftc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ftc.io.InstanceCodec;

/**
 * Fault test of the gate's files (a command; docs/gate.md, "Soak and fault tests"):
 * {@code java -cp target/ftc.jar:target/test-classes org.ftc.bench.GateFault [rounds] [seed]}
 * (defaults 20 rounds). Each round starts {@code java -jar target/ftc.jar gate} in line mode on
 * {@link SoakImplementation} (3,000 instances), kills it with SIGTERM or SIGKILL (alternately)
 * after a random 3 to 20 s (the JVM start and the instance generation take a few seconds; a quiet
 * machine judges the 3,000 in about 30 s), then checks every file left: each {@code results.jsonl}
 * line is JSON with the verdict the case was told to get, no case twice, the summary only as the
 * last line, every counterexample and case file readable, every vector an {@code ftc-vectors} file
 * whose instance reads, {@code junit.xml} (if any) well formed; it counts leftover temporary files
 * and implementation processes, and the rounds the signal actually interrupted. Exit 1 on any
 * wrong file or line.
 */
public final class GateFault {
    private GateFault() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Random random = new Random(args.length > 1 ? Long.parseLong(args[1]) : 1);
        Path dir = Files.createTempDirectory("gate-fault");
        String impl = SoakImplementation.write(dir, Path.of("examples"));
        String marker = impl.substring(impl.indexOf(' ') + 1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of("target/ftc.jar").toAbsolutePath().toString();
        int badFiles = 0;
        int lines = 0;
        int temps = 0;
        long leftAfterTerm = 0;
        long leftAfterKill = 0;
        int completed = 0;
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int r = 0; r < rounds; r++) {
            boolean term = r % 2 == 0;
            Path out = dir.resolve("round" + r);
            Process gate = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "gate", "--impl", impl, "--line", "--count", "3000", "--seed", Integer.toString(r),
                    "--jobs", "4", "--timeout-ms", Long.toString(SoakImplementation.TIMEOUT_MILLIS), "--max-output-bytes", Long.toString(SoakImplementation.LINE_LIMIT),
                    "--shrink-seconds", "0", "--quiet", "--out", out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("round" + r + ".log").toFile()).start();
            long wait = 3000 + random.nextInt(17_000);
            if (gate.waitFor(wait, TimeUnit.MILLISECONDS)) {
                completed++;
            } else if (term) {
                gate.destroy();
            } else {
                gate.destroyForcibly();
            }
            gate.waitFor(60, TimeUnit.SECONDS);
            Thread.sleep(1000);
            long left = SoakImplementation.processesNaming(marker);
            if (term) leftAfterTerm += left;
            else leftAfterKill += left;
            // Processes a SIGKILL left behind (nothing runs in a killed JVM): killed here so rounds stay independent.
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).forEach(ProcessHandle::destroyForcibly);
            if (!Files.exists(out)) continue;
            Path results = out.resolve("results.jsonl");
            List<String> all = Files.exists(results) ? Files.readAllLines(results) : List.of();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                String l = all.get(i);
                try {
                    var node = mapper.readTree(l);
                    if (node.get("format").asText().equals("ftc-gate-summary")) {
                        if (i != all.size() - 1) throw new IllegalStateException("summary not last");
                        continue;
                    }
                    String name = node.get("case").asText();
                    if (!seen.add(name)) throw new IllegalStateException("case twice: " + name);
                    String want = SoakImplementation.expected(SoakImplementation.index(name)).label();
                    if (!node.get("verdict").asText().equals(want)) throw new IllegalStateException(name + ": expected " + want);
                    lines++;
                } catch (Exception e) {
                    badFiles++;
                    System.out.println("  round " + r + " results line " + i + ": " + e.getMessage());
                }
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(out)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    if (name.endsWith(".tmp")) {
                        temps++;
                    } else if (name.equals("junit.xml")) {
                        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
                    } else if (name.equals("verdict.json")) {
                        mapper.readTree(Files.readAllBytes(f));
                    } else if (f.getParent().getFileName().toString().equals("vectors")) {
                        var vector = mapper.readTree(Files.readAllBytes(f));
                        if (!vector.get("format").asText().equals("ftc-vectors")) throw new IllegalStateException("not an ftc-vectors file");
                        for (var test : vector.get("tests")) InstanceCodec.DEFAULT.read(mapper.writeValueAsBytes(test.get("instance")));
                    } else if (name.endsWith(".json")) {
                        InstanceCodec.DEFAULT.read(Files.readAllBytes(f));
                    }
                } catch (Exception e) {
                    badFiles++;
                    System.out.println("  round " + r + " " + out.relativize(f) + ": " + e.getMessage());
                }
            }
            System.out.printf("round %d: %s after %d ms: %d result lines%n", r, term ? "SIGTERM" : "SIGKILL", wait, all.size());
        }
        System.out.printf("%d rounds (%d interrupted by the signal, %d completed before it): %d result lines checked, %d bad files or lines, %d temporary files left,"
                + " implementation processes left: %d after SIGTERM, %d after SIGKILL%n", rounds, rounds - completed, completed, lines, badFiles, temps, leftAfterTerm, leftAfterKill);
        System.exit(badFiles == 0 && leftAfterTerm == 0 ? 0 : 1);
    }
}
