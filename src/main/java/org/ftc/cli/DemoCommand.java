package org.ftc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.Constructions;
import org.ftc.gate.BudgetRule;
import org.ftc.gate.Judge;
import org.ftc.gate.Verdict;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The project's main job, end to end: construct g for every bundled example instance (depth 2 and 3) in exact "
                + "arithmetic, verify f + g exactly, and print a table. A depth without a construction yet shows n/a.",
                "Exit 0 when every constructed network passes, 1 otherwise."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--depth", paramLabel = "L", split = ",", defaultValue = "2,3", description = "Depths to run (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    /** One row of the table. */
    record Row(String name, int d, int k, int n, int depth, String neurons, String budget, String verdict, String millis) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Row> rows = new ArrayList<>();
        boolean allPass = true;
        boolean constructionFailed = false;
        Judge judge = new Judge(BudgetRule.DEFAULT, Rational.ZERO);
        for (int depth : depths) {
            for (Map.Entry<String, Instance> e : ExampleInstances.feasible(depth).entrySet()) {
                Instance inst = e.getValue();
                OptionalLong b = BudgetRule.DEFAULT.budget(depth, inst.changeCount());
                String budget = b.isPresent() ? Long.toString(b.getAsLong()) : "-";
                long start = System.nanoTime();
                Network<Rational> g;
                try {
                    g = Constructions.construct(RationalField.INSTANCE, inst);
                } catch (org.ftc.construct.NoConstructionException unsupported) {
                    rows.add(new Row(e.getKey(), inst.dimension(), inst.sampleCount(), inst.changeCount(), depth, "n/a", budget, "n/a", "-"));
                    continue;
                } catch (RuntimeException broken) {
                    // Any other failure of a construction on a bundled example is a bug: the row says so and the demo fails.
                    constructionFailed = true;
                    rows.add(new Row(e.getKey(), inst.dimension(), inst.sampleCount(), inst.changeCount(), depth, "error", budget,
                            "error: " + CliFailure.oneLine(broken.toString()), "-"));
                    continue;
                }
                Verdict v = judge.judge(inst, g);
                long millis = (System.nanoTime() - start) / 1_000_000;
                allPass &= v.passed();
                rows.add(new Row(e.getKey(), inst.dimension(), inst.sampleCount(), inst.changeCount(), depth, Integer.toString(g.neurons()),
                        budget, v.kind().label(), Long.toString(millis)));
            }
        }
        print(out, rows);
        out.println();
        out.println("verdicts are exact (Rational arithmetic); budget = 3N at depth 2, B3(N) = min_M (2M - 1 + 4 ceil(N/M)) at depth 3;"
                + " time = construct + verify in ms");
        out.flush();
        if (constructionFailed) {
            spec.commandLine().getErr().println("ftc demo: a construction failed on a bundled example (a bug: please report it)");
            return Ftc.INTERNAL;
        }
        return allPass ? Ftc.OK : Ftc.FAIL;
    }

    static void print(PrintWriter out, List<Row> rows) {
        String[] head = {"instance", "d", "K", "N", "depth", "neurons", "budget", "verdict", "time ms"};
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        for (Row r : rows) {
            cells.add(new String[] {r.name(), "" + r.d(), "" + r.k(), "" + r.n(), "" + r.depth(), r.neurons(), r.budget(), r.verdict(), r.millis()});
        }
        int[] w = new int[head.length];
        for (String[] c : cells) for (int i = 0; i < c.length; i++) w[i] = Math.max(w[i], c[i].length());
        for (int row = 0; row < cells.size(); row++) {
            StringBuilder s = new StringBuilder();
            String[] c = cells.get(row);
            for (int i = 0; i < c.length; i++) {
                if (i > 0) s.append("  ");
                s.append(i == 0 || i == 7 ? String.format("%-" + w[i] + "s", c[i]) : String.format("%" + w[i] + "s", c[i]));
            }
            out.println(s.toString().stripTrailing());
            if (row == 0) out.println("-".repeat(s.toString().stripTrailing().length()));
        }
    }
}
