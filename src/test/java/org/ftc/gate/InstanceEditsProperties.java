package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** The instance edits the gate's shrinker proposes that claim to keep the problem (proofs-notes/SETTING-exact-model.md, SHIFT). */
class InstanceEditsProperties {
    /** Residuals, or null when the instance is infeasible. */
    private static Residuals residualsOrNull(Instance inst) {
        try {
            return Residuals.of(inst);
        } catch (InfeasibleInstanceException e) {
            return null;
        }
    }

    @Test
    void zeroPretrainedWithTheResidualsAsLabelsIsTheSameProblem() {
        Property.forAll(GateInstances.instances(2, 10, 3)).check((inst, ctx) -> {
            List<Instance> candidates = InstanceEdits.withZeroPretrained(inst);
            ctx.classify(candidates.isEmpty(), "f = 0 already");
            if (candidates.isEmpty()) {
                assertThat(InstanceEdits.isZero(inst.pretrained())).isTrue();
                return;
            }
            assertThat(candidates).hasSize(2).allSatisfy(c -> assertThat(InstanceEdits.isZero(c.pretrained())).isTrue());
            assertThat(candidates.get(0).changes()).isEqualTo(inst.changes()); // the labels kept
            Instance shifted = candidates.get(1);
            assertThat(shifted.changes().keySet()).isEqualTo(inst.changes().keySet());
            Residuals before = residualsOrNull(inst), after = residualsOrNull(shifted);
            ctx.classify(before == null, "infeasible");
            ctx.classify(before != null && before.activeCount() > 0, "a nonzero residual");
            if (before == null) {
                assertThat(after).as("infeasible stays infeasible").isNull();
                return;
            }
            assertThat(after).as("feasible stays feasible").isNotNull();
            assertThat(after.size()).isEqualTo(before.size());
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.point(i)).containsExactly(before.point(i));
                assertThat(after.value(i)).isEqualTo(before.value(i));
            }
        });
    }
}
