package org.ftc.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.Charset;

/**
 * Where the program's standard output goes. The {@code ftc} launcher starts the JVM with its
 * standard output on standard error, so that nothing the JVM itself prints (JFR's start-up lines,
 * {@code -Xlog}, warnings) can get into a document written to standard output, and hands the real
 * standard output over as a file descriptor named by {@code -Dftc.stdout.fd=N}. {@link #install()}
 * makes {@code System.out} that descriptor: wrapped directly when {@code java.io} is opened to this
 * module (the launcher's {@code --add-opens}), so the shell's open file is shared as it is;
 * otherwise reopened through {@code /dev/fd/N}. Without the property nothing changes.
 */
final class ProgramOutput {
    static final String PROPERTY = "ftc.stdout.fd";

    private ProgramOutput() {
    }

    static void install() {
        String fd = System.getProperty(PROPERTY);
        if (fd == null || fd.isBlank()) return;
        FileOutputStream out;
        try {
            out = new FileOutputStream(descriptor(Integer.parseInt(fd.strip())));
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                out = new FileOutputStream("/dev/fd/" + fd.strip(), true);
            } catch (IOException | RuntimeException again) {
                System.err.println("ftc: cannot write to standard output (descriptor " + fd.strip() + "): " + again.getMessage());
                System.exit(Ftc.INTERNAL);
                return;
            }
        }
        String encoding = System.getProperty("stdout.encoding");
        Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        PrintStream program = new PrintStream(new BufferedOutputStream(out, 1 << 16), true, charset);
        System.setOut(program);
        Runtime.getRuntime().addShutdownHook(new Thread(program::flush));
    }

    private static FileDescriptor descriptor(int n) throws ReflectiveOperationException {
        FileDescriptor d = new FileDescriptor();
        Field f = FileDescriptor.class.getDeclaredField("fd");
        f.setAccessible(true);
        f.setInt(d, n);
        return d;
    }
}
