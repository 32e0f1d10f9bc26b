package org.ftc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftc.gate.Verdict;

/**
 * The misbehaving line-mode implementation of the gate's soak and fault tests: what it does with
 * an instance is decided by the instance's index ({@code seedS-NNNN}), so the verdict every
 * instance must get is known in advance (per 1000 indices: 2 hang, 20 raise, 10 exit 3, 30 write
 * garbage, 5 write a 2 MB line, 50 answer slowly, the rest answer correctly).
 */
final class SoakImplementation {
    private SoakImplementation() {
    }

    static final long LINE_LIMIT = 1 << 20;
    static final long TIMEOUT_MILLIS = 5000;
    private static final Pattern INDEX = Pattern.compile("-(\\d+)$");

    /** The verdict instance {@code index} must get. */
    static Verdict.Kind expected(int index) {
        int b = index % 1000;
        if (b < 2) return Verdict.Kind.TIMEOUT;
        if (b < 32) return Verdict.Kind.CRASH; // a traceback, or exit 3: both end the process before it answers
        if (b < 67) return Verdict.Kind.BAD_OUTPUT; // garbage, or a line over the limit
        return Verdict.Kind.PASS; // slow or not, the example's answers are right
    }

    static int index(String caseName) {
        Matcher m = INDEX.matcher(caseName);
        if (!m.find()) throw new IllegalArgumentException("not a generated case name: " + caseName);
        return Integer.parseInt(m.group(1));
    }

    /** Writes the script into {@code dir}; returns the command that runs it. */
    static String write(Path dir, Path examples) throws IOException {
        Path script = dir.resolve("soak_impl.py");
        Files.writeString(script, """
                import re, sys, time
                sys.path.insert(0, %s)
                import t2u_correct
                for line in sys.stdin:
                    m = re.search(r'"id":"[^"]*-(\\d+)"', line)
                    b = int(m.group(1)) %% 1000 if m else 999
                    if b < 2:
                        time.sleep(3600)
                    elif b < 22:
                        raise RuntimeError('told to crash on ' + str(b))
                    elif b < 32:
                        sys.exit(3)
                    elif b < 62:
                        sys.stdout.write('garbage, not json\\n')
                    elif b < 67:
                        sys.stdout.write('x' * (2 << 20) + '\\n')
                    else:
                        if b < 117:
                            time.sleep(0.05)
                        sys.stdout.write(t2u_correct.answer(line) + '\\n')
                    sys.stdout.flush()
                """.formatted("'" + examples.toAbsolutePath() + "'"));
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        return python + " " + script;
    }

    /** Live processes whose command line names {@code marker} (the script's path). */
    static long processesNaming(String marker) {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).count();
    }
}
