package org.ftc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.ftc.io.NumberParser;
import org.ftc.io.ReadLimits;
import org.ftc.net.Network;

/**
 * Reading the CLI's input files ({@code -} is standard input), every failure as a {@link CliFailure}.
 * Documents are read as they arrive, straight into exact values, and are bounded: a regular file
 * longer than the limit is refused before it is opened, standard input and other streams
 * ({@code /dev/zero}, a pipe) as soon as they pass it. The limit is {@link ReadLimits#DEFAULT}'s
 * (256 MiB) unless the system property {@value #MAX_INPUT_PROPERTY} sets another
 * ({@code FTC_JAVA_OPTS=-Dftc.maxInputBytes=1g ./ftc verify ...}; a number of bytes, or with a
 * {@code k}, {@code m} or {@code g} suffix).
 */
final class Inputs {
    static final String MAX_INPUT_PROPERTY = "ftc.maxInputBytes";

    private Inputs() {
    }

    /** The limits of the CLI's readers: the defaults with the document size from {@value #MAX_INPUT_PROPERTY}. */
    static ReadLimits limits() throws CliFailure {
        return withMaxInput(ReadLimits.DEFAULT);
    }

    static ReadLimits withMaxInput(ReadLimits limits) throws CliFailure {
        String text = System.getProperty(MAX_INPUT_PROPERTY);
        return text == null || text.isBlank() ? limits : limits.withMaxBytes(bytes(text.strip()));
    }

    private static long bytes(String text) throws CliFailure {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n < 1 || n > Long.MAX_VALUE / unit) throw new NumberFormatException();
            return n * unit;
        } catch (NumberFormatException e) {
            throw new CliFailure(Ftc.BAD_INPUT, "-D" + MAX_INPUT_PROPERTY + ": expected a positive number of bytes (optionally with k, m or g), got \""
                    + printable(text) + "\"");
        }
    }

    static Instance instance(String file, InputStream stdin) throws CliFailure {
        InstanceCodec codec = new InstanceCodec(limits());
        return read(file, stdin, codec.limits(), codec::read);
    }

    static Network<Rational> network(String file, InputStream stdin) throws CliFailure {
        return network(file, stdin, ReadLimits.DEFAULT);
    }

    static Network<Rational> network(String file, InputStream stdin, ReadLimits limits) throws CliFailure {
        NetworkCodec codec = new NetworkCodec(withMaxInput(limits));
        return read(file, stdin, codec.limits(), codec::read);
    }

    static Rational number(String option, String text) throws CliFailure {
        try {
            return NumberParser.DEFAULT.parse(text);
        } catch (FormatException e) {
            throw new CliFailure(Ftc.BAD_INPUT, option + ": " + e.problem());
        }
    }

    private interface Reader<T> {
        T read(InputStream in) throws FormatException, IOException;
    }

    private static <T> T read(String file, InputStream stdin, ReadLimits limits, Reader<T> reader) throws CliFailure {
        boolean standardInput = file == null || file.equals("-");
        try {
            if (standardInput) {
                // Standard input redirected from a regular file (< big.json) has a size too.
                long size = redirectedFileSize(stdin);
                if (size > limits.maxBytes()) {
                    throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": (document): input is " + size + " bytes, longer than the limit of "
                            + limits.maxBytes() + " bytes (-D" + MAX_INPUT_PROPERTY + " sets another)");
                }
                return reader.read(stdin);
            }
            Path path = Path.of(file);
            if (Files.isDirectory(path)) throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": cannot read: is a directory");
            // A regular file's size is known: refused before a byte is read.
            if (Files.isRegularFile(path) && Files.size(path) > limits.maxBytes()) {
                throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": (document): input is " + Files.size(path) + " bytes, longer than the limit of "
                        + limits.maxBytes() + " bytes (-D" + MAX_INPUT_PROPERTY + " sets another)");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return reader.read(in);
            }
        } catch (FormatException e) {
            String message = e.getMessage();
            // A stream refused at the limit gets the same hint as a file refused by its size.
            if (message.contains("input is longer than the limit of ") && message.endsWith(" bytes")) message += " (-D" + MAX_INPUT_PROPERTY + " sets another)";
            throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": " + message);
        } catch (NoSuchFileException e) {
            throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": no such file");
        } catch (IOException e) {
            throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": cannot read: " + printable(String.valueOf(e.getMessage())));
        }
    }

    /** The size of the regular file that is the process's standard input, or -1 (a pipe, a terminal, a test's stream). */
    private static long redirectedFileSize(InputStream stdin) {
        if (stdin != System.in) return -1;
        try {
            Path self = Path.of("/dev/stdin");
            return Files.isRegularFile(self) ? Files.size(self) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The file as named in a message: one printable line, whatever the name holds. */
    static String name(String file) {
        return file == null || file.equals("-") ? "<stdin>" : printable(file);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
