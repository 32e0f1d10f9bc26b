package org.ftc.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/**
 * Greedy structural shrinking for instances that come from files (no choice sequence to edit):
 * delete blocks of samples (halves down to single samples), drop changes, replace {@code f} by
 * zero, keeping each step while the failure stays.
 */
final class InstanceShrinker {
    private InstanceShrinker() {
    }

    static Instance shrink(Instance start, Predicate<Instance> stillFails, long deadlineNanos) {
        Instance best = start;
        boolean progress = true;
        while (progress && System.nanoTime() < deadlineNanos) {
            progress = false;
            for (int block = Math.max(1, best.sampleCount() / 2); block >= 1 && System.nanoTime() < deadlineNanos; block /= 2) {
                for (int from = 0; from + block <= best.sampleCount() && System.nanoTime() < deadlineNanos; ) {
                    Instance candidate = withoutSamples(best, from, block);
                    if (candidate != null && test(stillFails, candidate)) {
                        best = candidate;
                        progress = true;
                    } else {
                        from += block;
                    }
                }
            }
            for (Integer index : List.copyOf(best.changes().keySet())) {
                if (System.nanoTime() >= deadlineNanos) break;
                Map<Integer, Rational> fewer = new TreeMap<>(best.changes());
                fewer.remove(index);
                Instance candidate = new Instance(best.id(), best.dimension(), best.samples(), best.pretrained(), fewer, best.depth());
                if (test(stillFails, candidate)) {
                    best = candidate;
                    progress = true;
                }
            }
            if (best.pretrained().neurons() > 0 || !isZero(best.pretrained())) {
                Instance candidate = new Instance(best.id(), best.dimension(), best.samples(),
                        Network.zero(RationalField.INSTANCE, best.dimension(), 2), best.changes(), best.depth());
                if (test(stillFails, candidate)) {
                    best = candidate;
                    progress = true;
                }
            }
        }
        return best;
    }

    private static boolean isZero(Network<Rational> f) {
        return f.depth() == 2 && f.neurons() == 0 && f.layer(1).bias(0).isZero();
    }

    private static boolean test(Predicate<Instance> stillFails, Instance candidate) {
        try {
            return stillFails.test(candidate);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Instance withoutSamples(Instance inst, int from, int count) {
        if (inst.sampleCount() - count < 1) return null;
        List<Rational[]> samples = new ArrayList<>();
        Map<Integer, Rational> changes = new TreeMap<>();
        for (int i = 0; i < inst.sampleCount(); i++) {
            if (i >= from && i < from + count) continue;
            Rational label = inst.changes().get(i);
            if (label != null) changes.put(samples.size(), label);
            samples.add(inst.sample(i));
        }
        return new Instance(inst.id(), inst.dimension(), samples.toArray(new Rational[0][]), inst.pretrained(), changes, inst.depth());
    }
}
