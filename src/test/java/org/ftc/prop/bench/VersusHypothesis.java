package org.ftc.prop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ftc.prop.PlantedBugs;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyResult;

/**
 * The engine's half of the comparison with Hypothesis (docs/property-engine.md): every planted
 * bug of {@link PlantedBugs} under 100 seeds, 200 tries, 5 s of shrinking; per bug the share of
 * seeds that shrank to the known minimum and the median number of calls of the property body
 * (random tries and shrink replays together). The other half is {@code planted_bugs_hypothesis.py}
 * in this folder, which counts the same way.
 *
 * <p>Run: {@code mvn -B -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.ftc.prop.bench.VersusHypothesis [seeds]} (see the docs for the class path).
 */
public final class VersusHypothesis {
    private VersusHypothesis() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.printf("%-28s %8s %13s%n", "bug", "minimum", "median calls");
        for (PlantedBugs.Bug<?> bug : PlantedBugs.all()) row(bug, seeds);
    }

    private static <T> void row(PlantedBugs.Bug<T> bug, int seeds) {
        int hits = 0;
        List<Integer> calls = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            int[] n = {0};
            PropertyResult<T> r = Property.forAll(bug.gen()).named(bug.name()).seed(seed).tries(200).quiet().ignoreSystemProperties()
                    .noFailureFile().shrinkBudget(Duration.ofSeconds(5)).run((v, ctx) -> {
                        n[0]++;
                        if (!bug.holds().test(v)) throw new AssertionError("planted bug");
                    });
            if (!r.passed() && r.shrunk().orElseThrow().equals(bug.minimum())) hits++;
            calls.add(n[0]);
        }
        Collections.sort(calls);
        System.out.printf("%-28s %7d%% %13d%n", bug.name(), Math.round(100.0 * hits / seeds), calls.get(calls.size() / 2));
    }
}
