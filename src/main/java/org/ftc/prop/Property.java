package org.ftc.prop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.security.CodeSource;
import java.util.List;
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

    /**
     * The calling test as {@code SimpleClass#method}: the nearest frame outside the engine whose
     * method carries a JUnit test annotation (found by name, so no JUnit dependency), else the
     * nearest frame outside the engine. Lambda names are unwrapped.
     */
    static String caller() {
        CodeSource engine = Property.class.getProtectionDomain().getCodeSource();
        List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.filter(f -> !isEngine(f.getDeclaringClass(), engine)).limit(64).toList());
        if (frames.isEmpty()) return "property";
        StackWalker.StackFrame chosen = frames.stream().filter(Property::isTestMethod).findFirst().orElse(frames.get(0));
        String cls = chosen.getDeclaringClass().getName();
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        String method = chosen.getMethodName();
        if (method.startsWith("lambda$")) {
            String[] parts = method.split("\\$");
            if (parts.length >= 2 && !parts[1].isEmpty()) method = parts[1];
        }
        return cls + "#" + method;
    }

    private static boolean isTestMethod(StackWalker.StackFrame f) {
        try {
            Method m = f.getDeclaringClass().getDeclaredMethod(f.getMethodName(),
                    f.getMethodType().parameterArray());
            for (Annotation a : m.getAnnotations()) {
                String n = a.annotationType().getName();
                if (n.startsWith("org.junit.") && (n.endsWith(".Test") || n.endsWith("Test") || n.endsWith(".TestTemplate"))) {
                    return true;
                }
            }
        } catch (NoSuchMethodException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
        return false;
    }

    private static boolean isEngine(Class<?> c, CodeSource engine) {
        if (!c.getPackageName().equals(Property.class.getPackageName())) return false;
        return Objects.equals(c.getProtectionDomain().getCodeSource(), engine);
    }
}
