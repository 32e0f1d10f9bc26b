package org.ftc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftc.arith.Rational;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FtcCommandTest {
    record Run(int status, String out, String err) {
    }

    /** Runs the arguments as {@code main} does: with only the subcommand they name built. */
    static Run ftc(String... args) {
        return run(Ftc.commandLine(args), args);
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltAndItBehavesAsInTheFullCommandLine() {
        for (String name : Ftc.commandLine().getSubcommands().keySet()) {
            CommandLine alone = Ftc.commandLine(new String[] {name});
            if (name.equals("help")) {
                assertThat(alone.getSubcommands()).as("help needs every subcommand").hasSameSizeAs(Ftc.commandLine().getSubcommands());
            } else {
                assertThat(alone.getSubcommands()).as(name).containsOnlyKeys(name);
            }
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}}) {
                Run full = run(Ftc.commandLine(), args);
                Run one = ftc(args);
                assertThat(one).as(String.join(" ", args)).isEqualTo(full);
            }
        }
        // Anything but a subcommand's name first gets every subcommand: usage lists them, typos are named.
        for (String[] args : new String[][] {{}, {"--help"}, {"constrct"}, {"--version"}}) {
            assertThat(Ftc.commandLine(args).getSubcommands()).hasSameSizeAs(Ftc.commandLine().getSubcommands());
            assertThat(ftc(args)).isEqualTo(run(Ftc.commandLine(), args));
        }
    }

    @Test
    void constructThenVerifyPasses(@TempDir Path dir) throws Exception {
        assertThat(ftc("example", dir.toString()).status()).isZero();
        Path inst = dir.resolve("grid-5x5.json");
        Run c = ftc("construct", inst.toString());
        assertThat(c.status()).as(c.err()).isZero();
        Path net = dir.resolve("g.json");
        Files.writeString(net, c.out());
        // Independent check of the written network with the library's exact checker.
        Instance instance = InstanceCodec.DEFAULT.read(Files.readAllBytes(inst));
        Network<Rational> g = NetworkCodec.DEFAULT.read(c.out());
        assertThat(FineTuneCheck.check(instance, g).fineTuned()).isTrue();
        Run v = ftc("verify", inst.toString(), net.toString());
        assertThat(v.status()).isZero();
        assertThat(v.out()).startsWith("pass: every sample meets its target exactly");
    }

    /** construct refuses the depths verify and the readers refuse (1..1000), so every network it writes can be judged. */
    @Test
    void constructDepthIsWithinWhatVerifyAccepts(@TempDir Path dir) throws Exception {
        assertThat(ftc("example", dir.toString()).status()).isZero();
        Path inst = dir.resolve("grid-5x5.json");
        Run deep = ftc("construct", "--depth", "1001", inst.toString());
        assertThat(deep.status()).isEqualTo(2);
        assertThat(deep.err()).isEqualTo("ftc construct: --depth must be in 1..1000, got 1001\n");
        Run deepest = ftc("construct", "--depth", "1000", inst.toString());
        assertThat(deepest.status()).as(deepest.err()).isZero();
        Path net = dir.resolve("g.json");
        Files.writeString(net, deepest.out());
        assertThat(ftc("verify", "--depth", "1000", "--budget", "none", inst.toString(), net.toString()).status()).isZero();
    }

    @Test
    void boundsOfNoChangesSayGIsZero() {
        Run r = ftc("bounds", "0");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().findFirst().orElse("")).isEqualTo("depth 2, N = 0: nothing changes, g = 0 with 0 neurons: FTC_2 = 0 for every K");
    }

    /** {@code --timings}: a line per phase on standard error, and standard output exactly as without it. */
    @Test
    void timingsGoToStandardErrorOnly(@TempDir Path dir) throws Exception {
        assertThat(ftc("example", dir.toString()).status()).isZero();
        Path inst = dir.resolve("grid-5x5.json");
        Run plain = ftc("construct", inst.toString());
        Run timed = ftc("construct", "--timings", inst.toString());
        assertThat(timed.status()).isZero();
        assertThat(timed.out()).isEqualTo(plain.out());
        assertThat(plain.err()).isEmpty();
        assertThat(timed.err().lines().toList()).hasSize(4).allMatch(l -> l.startsWith("ftc construct: ") && l.matches(".*\\(\\d+\\.\\d\\d s\\)$|.*total \\d+\\.\\d\\d s$"));
        assertThat(timed.err()).contains("read the instance: 25 samples, d = 2").contains("constructed g: depth 2");
        Path net = dir.resolve("g.json");
        Files.writeString(net, plain.out());
        Run v = ftc("verify", inst.toString(), net.toString());
        Run vt = ftc("verify", "--timings", inst.toString(), net.toString());
        assertThat(vt.status()).isZero();
        assertThat(vt.out()).isEqualTo(v.out());
        assertThat(vt.err()).contains("ftc verify: read g: depth 2").contains("ftc verify: judged").contains("ftc verify: total");
    }

    @Test
    void verifyNamesFailingSamplesAndExitsOne(@TempDir Path dir) throws Exception {
        ftc("example", dir.toString());
        Path inst = dir.resolve("protocol.json");
        // g = 0: sample 1 (changed to 5/2, f = 1/2 + 3 = 7/2) keeps f = 7/2.
        Path zero = dir.resolve("zero.json");
        Files.writeString(zero, "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":2,"
                + "\"layers\":[{\"weights\":[],\"biases\":[]},{\"weights\":[[]],\"biases\":[\"0\"]}]}");
        Run v = ftc("verify", inst.toString(), zero.toString());
        assertThat(v.status()).isEqualTo(1);
        assertThat(v.out()).startsWith("wrong-value:").contains("sample 1 (changed): wanted 5/2 (~2.5), got 7/2 (~3.5)");
    }

    @Test
    void malformedInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[true]],\"changes\":[],\"depth\":2}");
        Run r = ftc("construct", bad.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ftc construct: " + bad + ": samples[0][0]: expected a number string, got true");
        assertThat(ftc("construct", dir.resolve("missing.json").toString()).status()).isEqualTo(2);
        assertThat(ftc("construct", "--arithmetic", "quad", bad.toString()).status()).isEqualTo(2);
        assertThat(ftc("verify", "--tolerance", "abc", bad.toString(), bad.toString()).status()).isEqualTo(2);
        assertThat(ftc("frobnicate").status()).isEqualTo(2);
    }

    @Test
    void infeasibleIsExitThree(@TempDir Path dir) throws Exception {
        ftc("example", "--with-infeasible", dir.toString());
        Run r = ftc("construct", dir.resolve("infeasible.json").toString());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("infeasible instance: samples 1 and 2 are the same point");
    }

    @Test
    void depthThreeAndFiveConstructVerifiedNetworksAndDepthOneIsUnsupported(@TempDir Path dir) throws Exception {
        ftc("example", dir.toString());
        Instance depth3 = InstanceCodec.DEFAULT.read(Files.readString(dir.resolve("hard-line-N5.json"))).withDepth(3);
        Path inst = dir.resolve("hard3.json");
        Files.writeString(inst, InstanceCodec.write(depth3));
        Run r = ftc("construct", inst.toString());
        assertThat(r.status()).as(r.err()).isZero();
        Network<Rational> g = NetworkCodec.DEFAULT.read(r.out());
        assertThat(g.depth()).isEqualTo(3);
        assertThat(FineTuneCheck.check(depth3, g).fineTuned()).isTrue();
        Path net = dir.resolve("g3.json");
        Files.writeString(net, r.out());
        Run v = ftc("verify", inst.toString(), net.toString());
        assertThat(v.status()).as(v.out() + v.err()).isZero();
        for (String construction : new String[] {"t3u", "t3c", "best"}) {
            Run c = ftc("construct", "--construction", construction, inst.toString());
            assertThat(c.status()).as(c.err()).isZero();
            assertThat(FineTuneCheck.check(depth3, NetworkCodec.DEFAULT.read(c.out())).fineTuned()).isTrue();
        }
        assertThat(ftc("construct", "--construction", "t3x", inst.toString()).status()).isEqualTo(2);
        Run five = ftc("construct", "--depth", "5", inst.toString());
        assertThat(five.status()).as(five.err()).isZero();
        Network<Rational> g5 = NetworkCodec.DEFAULT.read(five.out());
        assertThat(g5.depth()).isEqualTo(5);
        assertThat(g5.neurons()).isEqualTo(g.neurons() + 2);
        Instance depth5 = depth3.withDepth(5);
        Path inst5 = dir.resolve("hard5.json");
        Files.writeString(inst5, InstanceCodec.write(depth5));
        Path net5 = dir.resolve("g5.json");
        Files.writeString(net5, five.out());
        Run v5 = ftc("verify", "--budget", "tl", inst5.toString(), net5.toString());
        assertThat(v5.status()).as(v5.out() + v5.err()).isZero();
        Run v5t = ftc("verify", "--budget", "t3c", inst5.toString(), net5.toString());
        assertThat(v5t.status()).as(v5t.out() + v5t.err()).isZero();
        assertThat(ftc("construct", "--depth", "1", inst.toString()).status()).isEqualTo(4);
    }

    /**
     * Weights can be longer than any input number: samples 1/P and 1/Q with P, Q of 5,101 digits are
     * 2/(PQ) apart, so the hat's slopes have about 10,200 digits. construct says so, verify refuses
     * them under the default limit (exit 2, naming the field) and passes with --max-number-length.
     */
    @Test
    void longWeightsNeedAHigherNumberLimitAndConstructSaysSo(@TempDir Path dir) throws Exception {
        java.math.BigInteger p = java.math.BigInteger.TEN.pow(5100).add(java.math.BigInteger.ONE);
        java.math.BigInteger q = p.add(java.math.BigInteger.TWO);
        String doc = "{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[\"0\"],[\"1/" + p + "\"],[\"1/" + q
                + "\"]],\"changes\":[{\"index\":1,\"label\":\"1\"}],\"depth\":2}";
        Path inst = dir.resolve("long.json");
        Files.writeString(inst, doc);
        Run c = ftc("construct", inst.toString());
        assertThat(c.status()).as(c.err()).isZero();
        assertThat(c.err()).contains("--max-number-length");
        Path net = dir.resolve("g.json");
        Files.writeString(net, c.out());
        Run refused = ftc("verify", inst.toString(), net.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("more than the limit of 10000");
        Run passed = ftc("verify", "--max-number-length", "100000", inst.toString(), net.toString());
        assertThat(passed.status()).as(passed.out() + passed.err()).isZero();
    }

    @Test
    void everyArithmeticConstructsAVerifiableNetwork(@TempDir Path dir) throws Exception {
        ftc("example", dir.toString());
        Path inst = dir.resolve("hard-line-N5.json");
        for (String kind : new String[] {"exact", "aprational", "apfloat:40", "double"}) {
            Run c = ftc("construct", "--arithmetic", kind, inst.toString());
            assertThat(c.status()).as(kind + c.err()).isZero();
            // The hard line has integer samples and labels 1: slopes are integers, so even double is exact here.
            Network<Rational> g = NetworkCodec.DEFAULT.read(c.out());
            assertThat(g.neurons()).as(kind).isEqualTo(15);
            Instance instance = InstanceCodec.DEFAULT.read(Files.readString(inst));
            assertThat(FineTuneCheck.check(instance, g).fineTuned()).as(kind + ": exactly fine-tuned").isTrue();
        }
    }

    @Test
    void boundsPrintsTheBudgets() {
        Run r = ftc("bounds", "7");
        assertThat(r.status()).isZero();
        // 3N = 21; B3(7) = 15 at M = 4 (7 + 4 * 2); T3L: least m with m + floor(m/2) ceil(m/2) >= 21:
        // m = 7: 7 + 3 * 4 = 19 < 21; m = 8: 8 + 16 = 24 >= 21 -> 8.
        assertThat(r.out()).contains("depth 2, N = 7: upper 21 neurons").contains("depth 3, N = 7: upper 15 neurons (T3U with M = 4")
                .contains("lower 8 (T3L");
    }

    @Test
    void demoPrintsTheTable() {
        Run r = ftc("demo", "--depth", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("instance").contains("hard-line-N5  1    21  5      2       15      15  pass");
    }

    @Test
    void everyOptionHasHelp() {
        CommandLine cl = Ftc.commandLine();
        for (CommandLine sub : cl.getSubcommands().values()) {
            for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                assertThat(o.description()).as(sub.getCommandName() + " " + o.longestName()).isNotEmpty();
            }
        }
        assertThat(ftc("gate", "--help").out()).contains("--impl").contains("--tolerance").contains("--budget");
    }
}
