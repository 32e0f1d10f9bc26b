package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.prop.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's files: identities that cannot collide, one run per folder, verdicts written as they are decided. */
class GateOutputTest {
    private static final Gen<Instance> GEN = GateInstances.instances(2, 6, 2);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** {@code count} instance files in {@code dir}, all with the same id (files made by a script). */
    private static void sameIdFiles(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        List<Gate.Input> generated = Gate.generated(GEN, 3, count);
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve("family-" + i + ".json"), InstanceCodec.write(generated.get(i).instance().withId("family")));
        }
    }

    private static GateConfig crashing(Path out) {
        // Every instance fails the same way: exit 1 is a crash.
        return GateConfig.of("cat >/dev/null; exit 1").withOutputFolder(out).withShrinking(Duration.ZERO, 0).withJobs(2);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theRunKeepsOnlyTheHeadOfABigOutputAndItsFilesKeepAllOfIt(@TempDir Path dir) throws Exception {
        // 2,100,000 bytes on standard output, then exit 1 (a crash): every case fails, the first is shrunk.
        int size = 2_100_000;
        GateConfig config = GateConfig.of("cat >/dev/null; head -c " + size + " /dev/zero | tr '\\0' x; exit 1")
                .withOutputFolder(dir.resolve("out")).withShrinking(Duration.ofSeconds(5), 1).withJobs(2);
        GateReport r = new Gate(config, QUIET).run(Gate.generated(GEN, 5, 3), GEN);
        assertThat(r.failures()).hasSize(3);
        for (GateCase c : r.failures()) {
            assertThat(c.output().length).isEqualTo(GateCase.RETAINED_OUTPUT_BYTES);
            Path caseDir = dir.resolve("out").resolve("cases").resolve(c.name());
            assertThat(Files.size(caseDir.resolve("output.txt"))).isEqualTo(size);
            if (c.shrunk().isPresent()) assertThat(Files.size(caseDir.resolve("original-output.txt"))).isEqualTo(size);
        }
        assertThat(r.failures().stream().filter(c -> c.shrunk().isPresent())).hasSize(1);
    }

    @Test
    void filesSharingAnIdKeepOneCounterexampleEachAndEveryLineNamesItsFile(@TempDir Path dir) throws Exception {
        sameIdFiles(dir.resolve("in"), 7);
        Path out = dir.resolve("out");
        GateReport r = new Gate(crashing(out), QUIET).run(Gate.fromFiles(dir.resolve("in")), null);
        assertThat(r.failures()).hasSize(7);
        assertThat(names(out.resolve("counterexamples"))).hasSize(7);
        assertThat(names(out.resolve("cases"))).hasSize(7);
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(lines).hasSize(8);
        Set<String> files = lines.subList(0, 7).stream().map(l -> field(l, "file")).collect(Collectors.toSet());
        Set<String> expected = Stream.iterate(0, i -> i + 1).limit(7).map(i -> dir.resolve("in").resolve("family-" + i + ".json").toString())
                .collect(Collectors.toSet());
        assertThat(files).isEqualTo(expected);
        assertThat(lines.subList(0, 7)).allMatch(l -> "family".equals(field(l, "instance")));
        // Each counterexample is its own file's instance.
        for (int i = 0; i < 7; i++) {
            assertThat(Files.readString(out.resolve("counterexamples").resolve("family-" + i + ".json")))
                    .isEqualTo(Files.readString(dir.resolve("in").resolve("family-" + i + ".json")));
        }
    }

    @Test
    void namesMadeEqualByTheFileNameMappingStayDistinct(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String text = InstanceCodec.write(Gate.generated(GEN, 3, 1).get(0).instance());
        Files.writeString(in.resolve("a b.json"), text);
        Files.writeString(in.resolve("a_b.json"), text);
        Files.writeString(in.resolve("a+b.json"), text);
        List<Gate.Input> inputs = Gate.fromFiles(in);
        assertThat(inputs.stream().map(Gate.Input::name).distinct()).hasSize(3);
        new Gate(crashing(dir.resolve("out")), QUIET).run(inputs, null);
        assertThat(names(dir.resolve("out").resolve("counterexamples"))).hasSize(3);
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedUnlessOverwriteAndThenNothingOldIsLeft(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        sameIdFiles(dir.resolve("many"), 5);
        new Gate(crashing(out), QUIET).run(Gate.fromFiles(dir.resolve("many")), null);
        assertThat(names(out.resolve("counterexamples"))).hasSize(5);

        sameIdFiles(dir.resolve("two"), 2);
        List<Gate.Input> two = Gate.fromFiles(dir.resolve("two"));
        assertThatThrownBy(() -> new Gate(crashing(out), QUIET).run(two, null))
                .isInstanceOf(GateOutput.FolderInUse.class).hasMessageContaining("not empty");
        assertThat(names(out.resolve("counterexamples"))).hasSize(5); // the refused run touched nothing

        Files.writeString(out.resolve("notes.txt"), "mine");
        new Gate(crashing(out).withOutputFolder(out, true), QUIET).run(two, null);
        assertThat(names(out.resolve("counterexamples"))).containsExactly("family-0.json", "family-1.json");
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(3);
        assertThat(out.resolve("notes.txt")).hasContent("mine"); // not the gate's file: left alone
    }

    @Test
    void verdictsAreOnDiskAsSoonAsDecidedAndOnlyACompleteRunHasASummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path release = dir.resolve("release");
        // One worker; the fourth instance waits until the test has looked at the files.
        String impl = "if grep -q seed5-0003; then while [ ! -e '" + release + "' ]; do sleep 0.05; done; fi; exit 1";
        GateConfig config = GateConfig.of(impl).withOutputFolder(out).withShrinking(Duration.ZERO, 0).withJobs(1).withTimeout(120_000, 1 << 20);
        CompletableFuture<GateReport> run = CompletableFuture.supplyAsync(() -> new Gate(config, QUIET).run(Gate.generated(GEN, 5, 6), GEN));
        Path results = out.resolve("results.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(results).size() < 3 && System.nanoTime() < deadline) Thread.sleep(20);
        List<String> partial = lines(results);
        assertThat(partial).hasSize(3).allMatch(l -> l.startsWith("{\"format\":\"ftc-verdict\""));
        assertThat(names(out.resolve("counterexamples"))).containsExactly("seed5-0000.json", "seed5-0001.json", "seed5-0002.json");
        assertThat(out.resolve("junit.xml")).doesNotExist();
        assertThat(out.resolve("replay.sh")).exists();
        Files.writeString(release, "");
        run.get(60, TimeUnit.SECONDS);
        List<String> all = lines(results);
        assertThat(all).hasSize(7);
        assertThat(all.get(6)).startsWith("{\"format\":\"ftc-gate-summary\"").contains("\"complete\":true").contains("\"crash\":6");
        assertThat(out.resolve("junit.xml")).exists();
    }

    @Test
    void anUnwritableFolderIsOneFailureBeforeAnyInstanceRuns(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("ran");
        GateConfig config = GateConfig.of("touch '" + marker + "'").withOutputFolder(Path.of("/dev/null/x")).withShrinking(Duration.ZERO, 0);
        assertThatThrownBy(() -> new Gate(config, QUIET).run(Gate.generated(GEN, 1, 3), GEN))
                .isInstanceOf(GateOutput.WriteFailed.class).hasMessageStartingWith("could not write /dev/null/x").hasMessageNotContaining("\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.json");
        GateFiles.writeAtomically(f, "one".getBytes());
        GateFiles.writeAtomically(f, "two".getBytes());
        assertThat(f).hasContent("two");
        assertThat(names(dir)).containsExactly("a.json");
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** A string field of a JSON line, read with Jackson (an independent parser). */
    static String field(String jsonLine, String name) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonLine).get(name);
            return n == null ? null : n.asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + jsonLine, e);
        }
    }
}
