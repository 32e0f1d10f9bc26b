package org.ftc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ftc.arith.Rational;
import org.ftc.instance.FineTuneCheck;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ftc} launcher script: JVM options from {@code FTC_JAVA_OPTS} that make the JVM print
 * to its standard output (JFR's start-up line, {@code -Xlog}, {@code -XX:+PrintFlagsFinal}) must not
 * get into the document {@code ftc construct} writes there. Runs the real script, with
 * {@code FTC_CLASSPATH} set to this test's class path so that it does not build a jar.
 */
class LauncherTest {
    private static final String INSTANCE = "{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[\"0\",\"1\"],[\"1/2\",\"3\"],[\"2\",\"-1\"]],"
            + "\"changes\":[{\"index\":1,\"label\":\"5/2\"}],\"depth\":2}";

    @Test
    void jvmOutputNeverReachesStandardOutput(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("x.json");
        Files.writeString(instance, INSTANCE);
        Path out = dir.resolve("g.json");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", new File("ftc").getAbsolutePath(), "construct", instance.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("FTC_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("FTC_JAVA_OPTS", "-XX:StartFlightRecording:filename=" + dir.resolve("r.jfr") + " -Xlog:gc -XX:+PrintFlagsFinal");
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        // The options did print: JFR's start-up line and the flags table went to standard error.
        assertThat(stderr).contains("Started recording").contains("MaxHeapSize").contains("[gc]");
        // Standard output holds exactly one valid document, and it is the right network.
        Network<Rational> g = NetworkCodec.DEFAULT.read(Files.readAllBytes(out));
        assertThat(FineTuneCheck.check(InstanceCodec.DEFAULT.read(INSTANCE), g).fineTuned()).isTrue();
    }

    /**
     * {@code replay.sh} works from any directory: a gate run through the launcher in one folder,
     * with a relative implementation command and a relative {@code --out}, is replayed by running
     * the script from another folder, and judges the same counterexamples to the same kind of
     * verdict. (It used to hold {@code ./ftc} and the relative paths, so it ran only where the gate had.)
     */
    @Test
    void replayScriptRunsFromAnyDirectory(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        // An implementation that answers no network at all: every instance fails, and the shrunk one is tiny.
        Files.writeString(project.resolve("silent.sh"), "cat > /dev/null\necho 'not json'\n");
        Process gate = launcher(project, "gate", "--impl", "sh silent.sh", "--count", "3", "--seed", "7", "--out", "gate-out", "--quiet");
        String gateLog = new String(gate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gate.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.exitValue()).as(gateLog).isEqualTo(1);
        Path script = project.resolve("gate-out/replay.sh");

        Process replay = run(elsewhere, "sh", script.toAbsolutePath().toString());
        String replayLog = new String(replay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(replay.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(replay.exitValue()).as(replayLog).isEqualTo(1);
        String results = Files.readString(project.resolve("gate-out-replay/results.jsonl"));
        assertThat(results).contains("\"verdict\"").doesNotContain("\"pass\"");
        assertThat(Files.list(elsewhere)).as("nothing written where the script was run").isEmpty();
        assertThat(Files.readString(script)).contains("cd " + project.toAbsolutePath(), new File("ftc").getAbsolutePath() + " gate");
    }

    private static Process launcher(Path workingDirectory, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = new File("ftc").getAbsolutePath();
        System.arraycopy(args, 0, command, 2, args.length);
        return run(workingDirectory, command);
    }

    private static Process run(Path workingDirectory, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        pb.environment().put("FTC_CLASSPATH", System.getProperty("java.class.path"));
        return pb.start();
    }

    /** The launcher's default collector is the parallel one; a collector named in FTC_JAVA_OPTS replaces it (two would be refused by the JVM). */
    @Test
    void collectorIsParallelUnlessTheUserPicksOne() throws Exception {
        assertThat(collectorLog(null)).contains("Using Parallel");
        assertThat(collectorLog("-XX:+UseSerialGC")).contains("Using Serial");
    }

    private static String collectorLog(String gcOption) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", new File("ftc").getAbsolutePath(), "--version").redirectErrorStream(true);
        pb.environment().put("FTC_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("FTC_JAVA_OPTS", (gcOption == null ? "" : gcOption + " ") + "-Xlog:gc:stderr");
        Process p = pb.start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(all).isZero();
        return all;
    }
}
