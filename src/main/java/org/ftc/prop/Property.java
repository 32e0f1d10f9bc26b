package org.ftc.prop;

import java.security.CodeSource;
import java.util.Objects;

/**
 * Entry point: {@code Property.forAll(gen).check((value, ctx) -> ...)} inside an ordinary JUnit
 * {@code @Test} method. The default property name is the calling {@code Class#method}.
 */
public final class Property {
    private Property() {
    }

    public static <T> PropertyBuilder<T> forAll(Gen<T> gen) {
        return new PropertyBuilder<>(Objects.requireNonNull(gen, "gen"), caller());
    }

    /** The first caller outside the engine, as {@code SimpleClass#method} (lambda names unwrapped). */
    static String caller() {
        CodeSource engine = Property.class.getProtectionDomain().getCodeSource();
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> !isEngine(f.getDeclaringClass(), engine))
                .findFirst()
                .map(f -> {
                    String cls = f.getDeclaringClass().getName();
                    cls = cls.substring(cls.lastIndexOf('.') + 1);
                    String method = f.getMethodName();
                    if (method.startsWith("lambda$")) {
                        String[] parts = method.split("\\$");
                        if (parts.length >= 2 && !parts[1].isEmpty()) method = parts[1];
                    }
                    return cls + "#" + method;
                })
                .orElse("property"));
    }

    private static boolean isEngine(Class<?> c, CodeSource engine) {
        if (!c.getPackageName().equals(Property.class.getPackageName())) return false;
        return Objects.equals(c.getProtectionDomain().getCodeSource(), engine);
    }
}
