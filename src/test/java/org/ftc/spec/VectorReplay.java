package org.ftc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ftc.gate.Verdict;

/**
 * A command, not a test: replays judge vector files (spec/vectors.md) through the project's judge,
 * as {@link JudgeVectorsTest} does for {@code spec/vectors/judge.json}, and says for each case
 * whether it got its expected verdict (and failing samples). Arguments: vector files, or folders
 * whose {@code *.json} files are read (a gate's {@code vectors/}). Exit status 0 when every case
 * replays, 1 otherwise, 2 when there is nothing to replay.
 *
 * <pre>{@code
 * mvn -B -q test-compile && ./ftc bounds 1 >/dev/null   # test classes and target/ftc.jar
 * java -cp target/test-classes:target/ftc.jar org.ftc.spec.VectorReplay gate-out/vectors
 * }</pre>
 */
public final class VectorReplay {
    private VectorReplay() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String a : args) files.addAll(files(Path.of(a)));
        if (files.isEmpty()) {
            System.err.println("VectorReplay: no vector files in " + String.join(" ", args));
            System.exit(2);
        }
        int cases = 0;
        int wrong = 0;
        for (Path file : files) {
            VectorFile v = new VectorFile(file);
            if (!"judge".equals(v.root.path("kind").asText())) continue;
            for (JsonNode t : v.tests()) {
                cases++;
                Verdict got = VectorFile.judge(t);
                String expected = t.get("expected").get("verdict").asText();
                boolean same = got.kind().label().equals(expected) && VectorFile.failingSamples(got).equals(VectorFile.expectedFailing(t));
                if (!same) wrong++;
                System.out.printf("%s %s %s: expected %s%s, got %s%n", same ? "ok  " : "FAIL", file, t.get("id").asText(), expected,
                        VectorFile.expectedFailing(t).isEmpty() ? "" : " " + VectorFile.expectedFailing(t), got.line());
            }
        }
        System.out.printf("%d judge case(s) in %d file(s): %d replay, %d do not%n", cases, files.size(), cases - wrong, wrong);
        System.exit(cases == 0 ? 2 : wrong == 0 ? 0 : 1);
    }

    private static List<Path> files(Path p) throws IOException {
        if (!Files.isDirectory(p)) return List.of(p);
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
