package org.ftc.prop;

import java.util.Objects;

/** A generator with a positive weight, for {@link Gens#frequency}. */
public record Weighted<T>(int weight, Gen<? extends T> gen) {
    public Weighted {
        if (weight <= 0) throw new IllegalArgumentException("weight must be positive: " + weight);
        Objects.requireNonNull(gen, "gen");
    }

    public static <T> Weighted<T> of(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }
}
