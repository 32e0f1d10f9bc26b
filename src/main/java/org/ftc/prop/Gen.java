package org.ftc.prop;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a function from a choice sequence to a value. Because every value is a function of
 * its choices, shrinking the choices shrinks the value through {@code map}, {@code flatMap} and
 * {@code filter} alike.
 */
@FunctionalInterface
public interface Gen<T> {
    T generate(Source s);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return s -> f.apply(generate(s));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
        return s -> {
            s.startSpan();
            T t = generate(s);
            s.endSpan();
            s.startSpan();
            R r = f.apply(t).generate(s);
            s.endSpan();
            return r;
        };
    }

    default Gen<T> filter(Predicate<? super T> p) {
        return filter("unnamed filter", p);
    }

    /**
     * Keeps generating until {@code p} accepts; after {@link FilterExhaustedException#LIMIT}
     * rejections in a row throws {@link FilterExhaustedException} naming {@code description}.
     */
    default Gen<T> filter(String description, Predicate<? super T> p) {
        return s -> {
            for (int i = 0; i < FilterExhaustedException.LIMIT; i++) {
                s.startSpan();
                T t = generate(s);
                s.endSpan();
                if (p.test(t)) return t;
            }
            throw new FilterExhaustedException(description, FilterExhaustedException.LIMIT);
        };
    }
}
