package org.ftc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.construct.ThreeLayerCells;
import org.ftc.construct.TwoLayerHats;
import org.ftc.gate.Judge;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

/**
 * Every construct vector of spec/vectors/construct.json: the project agrees on feasibility, N, B2
 * and B3; its T2U hats use exactly the expected number of neurons and fine-tune the instance; its
 * T3U cells fine-tune it within B3.
 */
class ConstructVectorsTest {
    @Test
    void everyConstructVectorHoldsForTheProjectsConstructions() throws Exception {
        List<String> wrong = new ArrayList<>();
        int run = 0;
        for (JsonNode t : VectorFile.named("construct.json").tests()) {
            run++;
            String id = t.get("id").asText() + " (" + t.get("comment").asText() + ")";
            JsonNode e = t.get("expected");
            Instance instance = VectorFile.instance(t);
            int n = instance.changeCount();
            if (n != e.get("N").asInt()) wrong.add(id + ": N " + n);
            if (Budget.twoLayerUpper(n) != e.get("B2").asLong()) wrong.add(id + ": B2 " + Budget.twoLayerUpper(n));
            if (Budget.threeLayerUpper(n) != e.get("B3").asLong()) wrong.add(id + ": B3 " + Budget.threeLayerUpper(n));
            boolean feasible = Judge.infeasibility(instance).isEmpty();
            if (feasible != e.get("feasible").asBoolean()) {
                wrong.add(id + ": feasible " + feasible);
                continue;
            }
            if (!feasible) continue;
            Instance two = instance.withDepth(2);
            Network<Rational> g2 = TwoLayerHats.construct(RationalField.INSTANCE, two);
            if (g2.neurons() != e.get("t2u_neurons").asInt()) wrong.add(id + ": T2U uses " + g2.neurons() + " neurons");
            if (!FineTuneCheck.check(two, g2).fineTuned()) wrong.add(id + ": T2U does not fine-tune");
            Instance three = instance.withDepth(3);
            Network<Rational> g3 = ThreeLayerCells.construct(RationalField.INSTANCE, three);
            if (g3.neurons() > e.get("B3").asLong()) wrong.add(id + ": T3U uses " + g3.neurons() + " > B3");
            if (!FineTuneCheck.check(three, g3).fineTuned()) wrong.add(id + ": T3U does not fine-tune");
        }
        assertThat(run).isGreaterThanOrEqualTo(30);
        assertThat(wrong).isEmpty();
    }
}
