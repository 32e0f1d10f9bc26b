package org.ftc.cli;

import java.util.concurrent.Callable;
import org.ftc.arith.Field;
import org.ftc.construct.Constructions;
import org.ftc.construct.ThreeLayerConstruction;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.io.NetworkCodec;
import org.ftc.net.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "construct", mixinStandardHelpOptions = true,
        description = {"Construct g for an instance: reads an ftc-instance, writes an ftc-network on standard output.",
                "Depth 2 is T2U (at most 3N neurons); depth 3 is --construction: t3u (at most B3(N) = min over M of 2M - 1 + 4 ceil(N/M)), "
                        + "t3c (one first-layer unit per cut, chained triples) or best (the smaller of the two, per instance); "
                        + "depth L >= 4 is the 3-layer one plus L - 3 pass-through units."})
final class ConstructCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INSTANCE", description = "ftc-instance file; '-' or nothing reads standard input.")
    String file;

    @Option(names = "--depth", paramLabel = "L", description = "Depth of g, overriding the instance's 'depth'.")
    Integer depth;

    @Option(names = "--construction", paramLabel = "NAME", defaultValue = "best",
            description = "3-layer construction for depth >= 3: t3u, t3c or best (default: ${DEFAULT-VALUE}); ignored at depth 2.")
    String construction;

    @Option(names = "--arithmetic", paramLabel = "KIND", defaultValue = "exact",
            description = "Number type of the construction: exact, aprational, apfloat:<digits> or double (default: ${DEFAULT-VALUE}). "
                    + "The weights written are the exact values of what was computed.")
    String arithmetic;

    @Option(names = "--timings", description = "Print each phase's wall time on standard error (reading, constructing, writing).")
    boolean timings;

    @Override
    public Integer call() {
        try {
            Field<?> field = Arithmetic.parse(arithmetic);
            Timings time = new Timings(spec.commandLine().getErr(), "construct", timings);
            Instance instance = Inputs.instance(file, System.in);
            time.ended("read the instance: " + instance.sampleCount() + " samples, d = " + instance.dimension() + ", N = " + instance.changes().size());
            if (depth != null) {
                // The readers accept depths up to 1000 (verify --depth too): a network written deeper could not be judged.
                if (depth < 1 || depth > 1000) throw new CliFailure(Ftc.BAD_INPUT, "--depth must be in 1..1000, got " + depth);
                instance = instance.withDepth(depth);
            }
            ThreeLayerConstruction threeLayer;
            try {
                threeLayer = ThreeLayerConstruction.parse(construction);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(Ftc.BAD_INPUT, "--construction: " + e.getMessage());
            }
            Network<?> g = construct(field, instance, threeLayer);
            time.ended("constructed g: depth " + g.depth() + ", " + g.neurons() + " neurons");
            int longest;
            try {
                // Streamed as it is written: the network's text is never held whole.
                longest = NetworkCodec.write(g, spec.commandLine().getOut());
            } catch (java.io.IOException e) {
                throw new CliFailure(Ftc.INTERNAL, "cannot write the network: " + e.getMessage());
            }
            time.ended("wrote g");
            time.total();
            if (longest > org.ftc.io.ReadLimits.DEFAULT.maxNumberLength()) {
                spec.commandLine().getErr().println("ftc construct: note: a weight of g is " + longest + " characters long, over the readers' default limit; "
                        + "verify it with: ftc verify --max-number-length " + longest + " ...");
            }
            return Ftc.OK;
        } catch (CliFailure e) {
            spec.commandLine().getErr().println("ftc construct: " + e.getMessage());
            return e.status();
        }
    }

    static <T> Network<T> construct(Field<T> field, Instance instance) throws CliFailure {
        return construct(field, instance, ThreeLayerConstruction.BEST);
    }

    static <T> Network<T> construct(Field<T> field, Instance instance, ThreeLayerConstruction threeLayer) throws CliFailure {
        try {
            return Constructions.construct(field, instance, threeLayer);
        } catch (InfeasibleInstanceException e) {
            throw new CliFailure(Ftc.INFEASIBLE, "infeasible instance: " + e.getMessage());
        } catch (org.ftc.construct.NoConstructionException e) {
            throw new CliFailure(Ftc.UNSUPPORTED, e.getMessage());
        } catch (ArithmeticException e) {
            // Rounding can break an inexact construction (a documented failure, 1); in exact
            // arithmetic it is a bug, left to the internal-error handler (5), like any other exception.
            if (field.isExact()) throw e;
            throw new CliFailure(Ftc.FAIL, "the " + field.name() + " construction failed: " + e.getMessage());
        }
    }
}
