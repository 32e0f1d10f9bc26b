package org.ftc.prop;

/** The property: returns normally when it holds for {@code value}, throws when it does not. */
@FunctionalInterface
public interface PropertyBody<T> {
    void test(T value, Context ctx) throws Throwable;
}
