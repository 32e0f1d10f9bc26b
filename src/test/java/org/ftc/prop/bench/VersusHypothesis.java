package org.ftc.prop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ftc.prop.PlantedBugs;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyResult;
import org.ftc.prop.Shrinker;

/**
 * The engine's half of the comparison with Hypothesis (docs/property-engine.md): every planted
 * bug of {@link PlantedBugs} under 100 seeds, 200 tries, 5 s of shrinking; per bug the share of
 * seeds that shrank to the known minimum and the median number of calls of the property body
 * (random tries and shrink replays together), split into the calls up to the first failure
 * ("generate") and after it ("shrink"), and each shrink pass's calls and kept candidates summed
 * over the seeds. The other half is {@code planted_bugs_hypothesis.py} in this folder, which
 * counts the same way.
 *
 * <p>Run: {@code mvn -B -q test-compile && java -cp target/classes:target/test-classes
 * org.ftc.prop.bench.VersusHypothesis [seeds] [bug name substring]}.
 */
public final class VersusHypothesis {
    private VersusHypothesis() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String only = args.length > 1 ? args[1] : "";
        System.out.printf("%-28s %8s %6s %9s %7s  %s%n", "bug", "minimum", "calls", "generate", "shrink",
                "pass calls/kept over all seeds");
        for (PlantedBugs.Bug<?> bug : PlantedBugs.all()) {
            if (bug.name().contains(only)) row(bug, seeds);
        }
    }

    private static <T> void row(PlantedBugs.Bug<T> bug, int seeds) {
        int hits = 0;
        List<Integer> calls = new ArrayList<>();
        List<Integer> generate = new ArrayList<>();
        List<Integer> shrink = new ArrayList<>();
        Map<String, long[]> passes = new LinkedHashMap<>();
        for (long seed = 0; seed < seeds; seed++) {
            int[] n = {0, 0}; // calls, calls up to and including the first failure
            PropertyResult<T> r = Property.forAll(bug.gen()).named(bug.name()).seed(seed).tries(200).quiet().ignoreSystemProperties()
                    .noFailureFile().shrinkBudget(Duration.ofSeconds(5)).run((v, ctx) -> {
                        n[0]++;
                        if (bug.holds().test(v)) return;
                        if (n[1] == 0) n[1] = n[0];
                        throw new AssertionError("planted bug");
                    });
            if (!r.passed() && r.shrunk().orElseThrow().equals(bug.minimum())) hits++;
            calls.add(n[0]);
            int gen = r.passed() ? n[0] : n[1];
            generate.add(gen);
            shrink.add(n[0] - gen);
            for (Shrinker.PassStats p : r.shrinkPasses()) {
                long[] sum = passes.computeIfAbsent(p.name(), k -> new long[2]);
                sum[0] += p.calls();
                sum[1] += p.successes();
            }
        }
        StringBuilder sb = new StringBuilder();
        passes.forEach((name, sum) -> {
            if (sum[0] > 0) sb.append(name).append(' ').append(sum[0]).append('/').append(sum[1]).append("; ");
        });
        System.out.printf("%-28s %7d%% %6d %9d %7d  %s%n", bug.name(), Math.round(100.0 * hits / seeds), median(calls),
                median(generate), median(shrink), sb);
    }

    private static int median(List<Integer> xs) {
        List<Integer> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get((s.size() - 1) / 2);
    }
}
