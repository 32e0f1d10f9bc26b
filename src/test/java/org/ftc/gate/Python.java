package org.ftc.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Finds a Python 3 for the example implementations; tests that need one are skipped without it. */
final class Python {
    private Python() {
    }

    /** {@code /usr/bin/python3} when present (a pyenv shim on PATH costs ~150 ms a start), else {@code python3}. */
    static String interpreter() {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        boolean works;
        try {
            Process p = new ProcessBuilder(python, "-c", "import fractions").redirectErrorStream(true).start();
            works = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            works = false;
        }
        Assumptions.assumeTrue(works, "python3 is not available");
        return python;
    }

    static String example(String script) {
        return interpreter() + " examples/" + script;
    }
}
