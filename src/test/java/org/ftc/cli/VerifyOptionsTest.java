package org.ftc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftc.cli.FtcCommandTest.ftc;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's --eval, --rtol and --depth, and the hint for files given the other way round. */
class VerifyOptionsTest {
    // f = 0, x0 = 1/3 changed to 1/3, x1 = 0 untouched (d = 1, depth 2)
    private static final String INSTANCE = "{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[\"1/3\"],[\"0\"]],"
            + "\"changes\":[{\"index\":0,\"label\":\"1/3\"}],\"depth\":2}";
    // g(x) = relu(x): exactly right
    private static final String G = "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":1,"
            + "\"layers\":[{\"weights\":[[\"1\"]],\"biases\":[\"0\"]},{\"weights\":[[\"1\"]],\"biases\":[\"0\"]}]}";

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void evalFloat32WarnsWhenAnExactPassMissesInFloat(@TempDir Path dir) throws Exception {
        Path i = write(dir, "i.json", INSTANCE);
        Path g = write(dir, "g.json", G);
        FtcCommandTest.Run exact = ftc("verify", i.toString(), g.toString(), "--eval", "float32");
        assertThat(exact.status()).as(exact.err()).isZero();
        // 1/3 in float32 is 11184811/2^25: error 1/100663296 (see ToleranceTest)
        assertThat(exact.out()).contains("float32: worst error 1/100663296 (~9.9e-9) at sample 0").contains("warning: an exact pass, but in float32 1 sample(s) miss");
        FtcCommandTest.Run tolerant = ftc("verify", i.toString(), g.toString(), "--eval", "float32", "--tolerance", "1e-7");
        assertThat(tolerant.out()).contains("0 of 2 sample(s) miss").doesNotContain("warning");
        FtcCommandTest.Run f64 = ftc("verify", i.toString(), g.toString(), "--eval", "float64");
        assertThat(f64.out()).contains("float64: worst error");
        assertThat(ftc("verify", i.toString(), g.toString(), "--eval", "float16").status()).isEqualTo(2);
    }

    @Test
    void rtolIsRelativeToTheTarget(@TempDir Path dir) throws Exception {
        Path i = write(dir, "i.json", INSTANCE.replace("\"label\":\"1/3\"", "\"label\":\"100\"").replace("[\"1/3\"]", "[\"1\"]"));
        // g(x) = 101 relu(x): 101 at x = 1 (wanted 100), 0 at x = 0
        Path g = write(dir, "g.json", G.replace("[[\"1\"]],\"biases\":[\"0\"]}]}", "[[\"101\"]],\"biases\":[\"0\"]}]}"));
        assertThat(ftc("verify", i.toString(), g.toString()).status()).isEqualTo(1);
        assertThat(ftc("verify", i.toString(), g.toString(), "--rtol", "1/100").status()).isZero();          // 1 <= 100/100
        assertThat(ftc("verify", i.toString(), g.toString(), "--rtol", "99/10000").status()).isEqualTo(1);   // 1 > 99/100
        assertThat(ftc("verify", i.toString(), g.toString(), "--rtol", "1/200", "--tolerance", "1/2").status()).isZero(); // 1 <= 1/2 + 1/2
        assertThat(ftc("verify", i.toString(), g.toString(), "--rtol", "-1").status()).isEqualTo(2);
    }

    @Test
    void depthOverridesTheInstance(@TempDir Path dir) throws Exception {
        Path i = write(dir, "i.json", INSTANCE);
        Path g = write(dir, "g.json", G);
        FtcCommandTest.Run three = ftc("verify", "--depth", "3", i.toString(), g.toString());
        assertThat(three.status()).isEqualTo(1);
        assertThat(three.out()).startsWith("bad-output: network has depth 2 but depth 3 was asked");
        assertThat(ftc("verify", "--depth", "2", i.toString(), g.toString()).status()).isZero();
        assertThat(ftc("verify", "--depth", "0", i.toString(), g.toString()).status()).isEqualTo(2);
    }

    @Test
    void filesInTheWrongOrderGetAHint(@TempDir Path dir) throws Exception {
        Path i = write(dir, "i.json", INSTANCE);
        Path g = write(dir, "g.json", G);
        FtcCommandTest.Run swapped = ftc("verify", g.toString(), i.toString());
        assertThat(swapped.status()).isEqualTo(2);
        assertThat(swapped.err()).contains("the files seem to be in the wrong order: ftc verify INSTANCE NETWORK");
        // an instance file that is simply broken gets no such hint
        Path broken = write(dir, "b.json", "{\"format\":\"ftc-instance\"}");
        assertThat(ftc("verify", broken.toString(), g.toString()).err()).doesNotContain("wrong order");
    }
}
