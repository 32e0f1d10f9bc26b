package org.ftc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftc gate} exit statuses for its output folder (docs/cli.md). */
class GateCommandTest {
    private static FtcCommandTest.Run gate(String... extra) {
        String[] args = new String[extra.length + 7];
        System.arraycopy(new String[] {"gate", "--impl", "cat >/dev/null; exit 3", "--count", "2", "--seed", "1"}, 0, args, 0, 7);
        System.arraycopy(extra, 0, args, 7, extra.length);
        return FtcCommandTest.ftc(args);
    }

    @Test
    void anUnwritableOutFolderIsExitFiveWithOneLine() {
        FtcCommandTest.Run r = gate("--quiet", "--out", "/dev/null/x");
        assertThat(r.status()).isEqualTo(Ftc.INTERNAL);
        assertThat(r.err().strip()).startsWith("ftc gate: could not write /dev/null/x").doesNotContain("\n");
    }

    @Test
    void aReusedOutFolderIsRefusedUnlessOverwrite(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertThat(gate("--quiet", "--out", out.toString()).status()).isIn(Ftc.OK, Ftc.FAIL);
        FtcCommandTest.Run again = gate("--quiet", "--out", out.toString());
        assertThat(again.status()).isEqualTo(Ftc.BAD_INPUT);
        assertThat(again.err().strip()).startsWith("ftc gate: --out " + out + " is not empty").contains("--overwrite").doesNotContain("\n");
        assertThat(again.out()).as("nothing but the refusal").isEmpty();
        FtcCommandTest.Run over = gate("--quiet", "--out", out.toString(), "--overwrite");
        assertThat(over.status()).isIn(Ftc.OK, Ftc.FAIL);
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(3);
    }

    @Test
    void generatorsRefuseADepthTheReaderWouldRefuse(@TempDir Path dir) throws Exception {
        FtcCommandTest.Run example = FtcCommandTest.ftc("example", "--depth", "1001", dir.resolve("e").toString());
        assertThat(example.status()).isEqualTo(Ftc.BAD_INPUT);
        assertThat(example.err().strip()).isEqualTo("ftc example: --depth must be in 1..1000, got 1001");
        assertThat(dir.resolve("e")).doesNotExist();
        FtcCommandTest.Run g = gate("--quiet", "--depth", "1001", "--out", dir.resolve("g").toString());
        assertThat(g.status()).isEqualTo(Ftc.BAD_INPUT);
        assertThat(g.err().strip()).isEqualTo("ftc gate: --depth must be in 1..1000, got 1001");
        // The deepest accepted depth is written and read back.
        assertThat(FtcCommandTest.ftc("example", "--depth", "1000", dir.resolve("deep").toString()).status()).isZero();
        for (Path p : Files.list(dir.resolve("deep")).toList()) {
            assertThat(org.ftc.io.InstanceCodec.DEFAULT.read(Files.readAllBytes(p)).depth()).isEqualTo(1000);
        }
    }

    @Test
    void aFileNameHoldingANewlineKeepsTheErrorOnOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad\nname.json");
        Files.writeString(bad, "{\"format\":\"ftc-instance\"");
        for (String command : new String[] {"construct", "verify"}) {
            FtcCommandTest.Run r = command.equals("construct") ? FtcCommandTest.ftc(command, bad.toString())
                    : FtcCommandTest.ftc(command, bad.toString(), bad.toString());
            assertThat(r.status()).isEqualTo(Ftc.BAD_INPUT);
            assertThat(r.err().strip()).as(r.err()).doesNotContain("\n").contains("name.json").startsWith("ftc " + command + ": ");
        }
    }

    @Test
    void onlyAMissingConstructionIsExitFour(@TempDir Path dir) throws Exception {
        assertThat(FtcCommandTest.ftc("example", "--depth", "1", dir.toString()).status()).isZero();
        FtcCommandTest.Run r = FtcCommandTest.ftc("construct", dir.resolve("protocol.json").toString());
        assertThat(r.status()).isEqualTo(Ftc.UNSUPPORTED);
        assertThat(r.err().strip()).isEqualTo("ftc construct: no construction for depth 1 (supported: any depth >= 2)");
    }
}
