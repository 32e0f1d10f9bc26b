package org.ftc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bounded input: what no document can be is refused early, exit 2, one line. */
class InputsTest {
    /** An endless stream: the bytes of {@code unit} over and over, after {@code head}. */
    private static InputStream endless(String head, String unit) {
        byte[] h = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] u = unit.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new InputStream() {
            long n;

            @Override
            public int read() {
                long i = n++;
                return i < h.length ? h[(int) i] : u[(int) ((i - h.length) % u.length)];
            }
        };
    }

    private static String failure(String file, InputStream in) {
        try {
            Inputs.instance(file, in);
        } catch (CliFailure e) {
            assertThat(e.status()).isEqualTo(Ftc.BAD_INPUT);
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void endlessStandardInputIsRefusedAtTheLimit() {
        System.setProperty(Inputs.MAX_INPUT_PROPERTY, "1m");
        try {
            // An endless array of "0" is a document that never ends: refused when it passes 1 MiB.
            assertThat(failure("-", endless("{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[", "\"0\",")))
                    .isEqualTo("<stdin>: (document): input is longer than the limit of 1048576 bytes (-Dftc.maxInputBytes sets another)");
            // Endless whitespace, and endless NUL bytes (/dev/zero): refused at the limit too.
            assertThat(failure("-", endless("", " "))).isEqualTo("<stdin>: (document): input is longer than the limit of 1048576 bytes (-Dftc.maxInputBytes sets another)");
            assertThat(failure("-", endless("", "\0"))).isEqualTo("<stdin>: (document): input is longer than the limit of 1048576 bytes (-Dftc.maxInputBytes sets another)");
        } finally {
            System.clearProperty(Inputs.MAX_INPUT_PROPERTY);
        }
    }

    @Test
    void aFileLongerThanTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[2000]);
        System.setProperty(Inputs.MAX_INPUT_PROPERTY, "1000");
        try {
            assertThat(failure(big.toString(), InputStream.nullInputStream()))
                    .isEqualTo(big + ": (document): input is 2000 bytes, longer than the limit of 1000 bytes (-Dftc.maxInputBytes sets another)");
        } finally {
            System.clearProperty(Inputs.MAX_INPUT_PROPERTY);
        }
    }

    @Test
    void devZeroIsRefusedWithExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine cl = Ftc.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        System.setProperty(Inputs.MAX_INPUT_PROPERTY, "4m");
        try {
            assertThat(cl.execute("construct", "/dev/zero")).isEqualTo(Ftc.BAD_INPUT);
        } finally {
            System.clearProperty(Inputs.MAX_INPUT_PROPERTY);
        }
        assertThat(err.toString()).isEqualTo("ftc construct: /dev/zero: (document): input is longer than the limit of 4194304 bytes (-Dftc.maxInputBytes sets another)\n");
    }

    @Test
    void aBadLimitIsABadUsage() {
        System.setProperty(Inputs.MAX_INPUT_PROPERTY, "lots");
        try {
            assertThat(failure("-", new ByteArrayInputStream(new byte[0]))).startsWith("-Dftc.maxInputBytes: expected a positive number of bytes");
        } finally {
            System.clearProperty(Inputs.MAX_INPUT_PROPERTY);
        }
    }

    @Test
    void aFileNameWithANewlineStaysOneLine(@TempDir Path dir) throws Exception {
        Path odd = dir.resolve("a\nb.json");
        Files.writeString(odd, "{}");
        assertThat(failure(odd.toString(), InputStream.nullInputStream())).startsWith(dir + "/a\\u000ab.json: format: missing required field");
    }
}
