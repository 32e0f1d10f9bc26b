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
import org.ftc.net.Network;

/** Reading the CLI's input files ({@code -} is standard input), every failure as a {@link CliFailure}. */
final class Inputs {
    private Inputs() {
    }

    static Instance instance(String file, InputStream stdin) throws CliFailure {
        try {
            return InstanceCodec.DEFAULT.read(bytes(file, stdin));
        } catch (FormatException e) {
            throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": " + e.getMessage());
        }
    }

    static Network<Rational> network(String file, InputStream stdin) throws CliFailure {
        return network(file, stdin, org.ftc.io.ReadLimits.DEFAULT);
    }

    static Network<Rational> network(String file, InputStream stdin, org.ftc.io.ReadLimits limits) throws CliFailure {
        try {
            return new NetworkCodec(limits).read(bytes(file, stdin));
        } catch (FormatException e) {
            throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": " + e.getMessage());
        }
    }

    static Rational number(String option, String text) throws CliFailure {
        try {
            return NumberParser.DEFAULT.parse(text);
        } catch (FormatException e) {
            throw new CliFailure(Ftc.BAD_INPUT, option + ": " + e.problem());
        }
    }

    private static String name(String file) {
        return file == null || file.equals("-") ? "<stdin>" : file;
    }

    private static byte[] bytes(String file, InputStream stdin) throws CliFailure {
        try {
            if (file == null || file.equals("-")) return stdin.readAllBytes();
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliFailure(Ftc.BAD_INPUT, file + ": no such file");
        } catch (IOException e) {
            throw new CliFailure(Ftc.BAD_INPUT, name(file) + ": cannot read: " + e.getMessage());
        }
    }
}
