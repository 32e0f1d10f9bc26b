package org.ftc.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a Python 3 for the example implementations. Without one, tests that need it are skipped on
 * a developer's machine, but FAIL when the environment variable {@code CI} is set (as
 * {@code .ci/run} sets it): a CI run must never pass with the gate untested.
 */
final class Python {
    private Python() {
    }

    /** {@code /usr/bin/python3} when present (a pyenv shim on PATH costs ~150 ms a start), else {@code python3}. */
    static String interpreter() {
        return require(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3", onCi());
    }

    /** {@code python} when it runs; else a failure on CI, a skip elsewhere. */
    static String require(String python, boolean ci) {
        boolean works;
        try {
            Process p = new ProcessBuilder(python, "-c", "import fractions").redirectErrorStream(true).start();
            works = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            works = false;
        }
        if (!works && ci) {
            throw new AssertionError("python3 is not available, and CI is set: the end-to-end gate tests must run in CI (.ci/run installs python3)");
        }
        Assumptions.assumeTrue(works, "python3 is not available");
        return python;
    }

    /** True when the environment variable {@code CI} is set to anything but empty or {@code false}. */
    static boolean onCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    static String example(String script) {
        return interpreter() + " examples/" + script;
    }
}
