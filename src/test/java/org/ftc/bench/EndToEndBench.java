package org.ftc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test), end to end from files: for each case it writes the instance file, then
 * runs, each as its own process under {@code /usr/bin/time -v} (wall time and peak memory),
 * Jackson tokenizing the input (the instance; the instance and {@code g}, verify's inputs), {@code ftc construct}
 * and {@code ftc verify} through the {@code ftc} launcher as users run it (heap {@code -Xmx2g}; wall time, CPU
 * time, peak memory) and the float64 numpy dense evaluation of {@code f + g}
 * ({@code src/test/resources/bench/dense_numpy.py}), and prints one markdown row per case: the
 * numpy time split into reading the JSON and evaluating, the ratio of numpy's evaluation to ftc's
 * construct + verify, and the one-minute load average before and after the case.
 *
 * <p>Run after {@code mvn -B -q package -DskipTests test-compile}:
 * {@code java -cp target/test-classes:target/ftc.jar org.ftc.bench.EndToEndBench DIR CASE...}
 * where a case is {@code ml:d:widths:K:N:depth} (widths like {@code 32} or {@code 256x256}) or
 * {@code easy:d:K:N:depth}, e.g. {@code ml:16:32:5000:500:2} (the float32 case of issue 9).
 */
public final class EndToEndBench {
    private EndToEndBench() {
    }

    /** Inputs of up to 1 GiB: the K = 10^6 ML-shaped instance is about 330 MB, over the CLI's default 256 MiB. */
    static final String MAX_INPUT = "-Dftc.maxInputBytes=1g";

    /**
     * Cases with more samples skip the numpy comparison: its dense evaluation of {@code g} costs
     * {@code K} times the size of {@code g}, which is {@code Theta(N)} with {@code N = K/10}
     * (hours at {@code K = 10^6}).
     */
    static final int NUMPY_MAX_K = Integer.getInteger("bench.numpyMaxK", 100_000);

    record Timed(double seconds, double cpuSeconds, long peakKb, String output, int exit, String error) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        String cp = System.getProperty("java.class.path");
        Path numpy = dir.resolve("dense_numpy.py");
        try (var in = EndToEndBench.class.getResourceAsStream("/bench/dense_numpy.py")) {
            Files.write(numpy, in.readAllBytes());
        }
        System.out.println("| case | file MB | tokenize s (instance; instance + g) | construct s (CPU s, MB) | verify s (CPU s, MB) | construct+verify s | numpy s | numpy read s | numpy evaluate s | numpy evaluate / ftc | numpy misses > 1e-9 | verdict | load |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int c = 1; c < args.length; c++) {
            String[] p = args[c].split(":");
            String name = args[c].replace(':', '_');
            Path inst = dir.resolve(name + ".json"), g = dir.resolve(name + "-g.json");
            if (p[0].equals("ml")) {
                WriteBenchFiles.main(new String[] {inst.toString(), "ml", p[1], p[3], p[4], p[5], p[2]});
            } else {
                WriteBenchFiles.main(new String[] {inst.toString(), "easy", p[1], p[2], p[3], p[4]});
            }
            String loadBefore = load();
            Timed tok = run(List.of("java", "-cp", cp, "org.ftc.bench.Tokenize", inst.toString()), null);
            Timed con = run(List.of(LAUNCHER, "construct", inst.toString()), g, cp);
            Timed ver = run(List.of(LAUNCHER, "verify", inst.toString(), g.toString()), null, cp);
            // verify's reading baseline: its two input files.
            Timed tokBoth = run(List.of("java", "-cp", cp, "org.ftc.bench.Tokenize", inst.toString(), g.toString()), null);
            int k = Integer.parseInt(p[0].equals("ml") ? p[3] : p[2]);
            Timed np = k <= NUMPY_MAX_K ? run(List.of("python3", numpy.toString(), inst.toString(), g.toString()), null)
                    : new Timed(0, 0, 0, "", 0, "not run: K > " + NUMPY_MAX_K + " (-Dbench.numpyMaxK)");
            double total = con.seconds() + ver.seconds();
            String verdict = ver.output().lines().findFirst().orElse("").split(";")[0];
            if (con.exit() != 0) verdict = "construct exit " + con.exit() + ": " + con.error() + "; " + verdict;
            if (ver.exit() != 0 && ver.exit() != 1) verdict = verdict + "; verify exit " + ver.exit() + ": " + ver.error();
            Matcher m = Pattern.compile("numpy read ([\\d.]+) s, evaluate ([\\d.]+) s, (\\d+) of (\\d+)").matcher(np.output());
            String npRead = (k <= NUMPY_MAX_K ? "failed: " : "") + np.error(), npEval = "-", npRatio = "-", npMiss = "-";
            if (m.find()) {
                npRead = m.group(1);
                npEval = m.group(2);
                npRatio = String.format("%.2f", Double.parseDouble(m.group(2)) / total);
                npMiss = m.group(3) + " of " + m.group(4);
            }
            System.out.printf("| %s | %.1f | %.2f; %.2f | %.2f (%.2f, %d) | %.2f (%.2f, %d) | %.2f | %.2f | %s | %s | %s | %s | %s | %s .. %s |%n", args[c],
                    Files.size(inst) / 1e6, tok.seconds(), tokBoth.seconds(), con.seconds(), con.cpuSeconds(), con.peakKb() / 1024, ver.seconds(), ver.cpuSeconds(), ver.peakKb() / 1024, total,
                    np.seconds(), npRead, npEval, npRatio, npMiss, verdict, loadBefore, load());
            System.out.flush();
        }
    }

    /** Runs {@code command} under {@code /usr/bin/time -v}; standard output to {@code out} when given. */
    static Timed run(List<String> command, Path out) throws IOException, InterruptedException {
        return run(command, out, null);
    }

    /**
     * The {@code ftc} launcher of the working directory, as users run it (its JVM options included);
     * it is given the class path in {@code FTC_CLASSPATH}, so it never rebuilds inside a measurement.
     */
    static final String LAUNCHER = Path.of("ftc").toAbsolutePath().toString();

    /** The launcher's extra JVM options in every measurement: the heap of the targets, big inputs. */
    static final String FTC_JAVA_OPTS = "-Xmx2g " + MAX_INPUT;

    /**
     * Runs {@code command} under {@code /usr/bin/time -v}; standard output to {@code out} when given;
     * with {@code launcherClassPath}, the environment of a run of {@link #LAUNCHER}.
     */
    static Timed run(List<String> command, Path out, String launcherClassPath) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        full.addAll(command);
        Path err = Files.createTempFile("bench", ".err");
        Path stdout = out != null ? out : Files.createTempFile("bench", ".out");
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(stdout.toFile()).redirectError(err.toFile());
        if (launcherClassPath != null) {
            builder.environment().put("FTC_CLASSPATH", launcherClassPath);
            builder.environment().put("FTC_JAVA_OPTS", FTC_JAVA_OPTS);
        }
        Process proc = builder.start();
        int exit = proc.waitFor();
        String e = Files.readString(err, StandardCharsets.UTF_8);
        String o = out != null ? "" : Files.readString(stdout, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        if (out == null) Files.deleteIfExists(stdout);
        // The program's last line on standard error, before /usr/bin/time's report.
        String lastError = "";
        for (String line : e.split("\n")) {
            if (line.contains("Command being timed")) break;
            if (!line.isBlank() && !line.startsWith("Command exited")) lastError = line.strip();
        }
        double cpu = seconds(e, "User time \\(seconds\\): ([\\d.]+)") + seconds(e, "System time \\(seconds\\): ([\\d.]+)");
        return new Timed(wall(e), cpu, field(e, "Maximum resident set size \\(kbytes\\): (\\d+)"), o, exit, lastError);
    }

    /** The one-minute load average ({@code /proc/loadavg}), or "?" where there is none. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double wall(String timeOutput) {
        Matcher m = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (?:(\\d+):)?(\\d+):([\\d.]+)").matcher(timeOutput);
        if (!m.find()) throw new IllegalStateException("no wall time in: " + timeOutput);
        return (m.group(1) == null ? 0 : Integer.parseInt(m.group(1)) * 3600) + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
    }

    private static double seconds(String timeOutput, String regex) {
        Matcher m = Pattern.compile(regex).matcher(timeOutput);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static long field(String timeOutput, String regex) {
        Matcher m = Pattern.compile(regex).matcher(timeOutput);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
