package org.ftc.prop;

import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a failure comes from: the first stack frame outside the engine, AssertJ, JUnit and the
 * JDK. Two failures are the same bug (the default of {@link PropertyBuilder#sameFailure}) when they
 * have the same exception type and the same origin, so a shrink never slides from one bug to
 * another that happens to throw the same type. When a trace has no frames (the JIT may throw
 * a preallocated exception without one) the type alone decides.
 */
final class FailureOrigin {
    private static final String[] LIBRARIES = {"org.assertj.", "org.junit.", "org.opentest4j.", "java.", "javax.", "jdk.", "sun.",
            "com.sun."};
    private static final Map<String, Boolean> ENGINE = new ConcurrentHashMap<>();
    private static final URL ENGINE_LOCATION = location(Runner.class);

    private FailureOrigin() {
    }

    static boolean same(Throwable a, Throwable b) {
        if (a.getClass() != b.getClass()) return false;
        StackTraceElement x = of(a), y = of(b);
        if (x == null || y == null) return true;
        return x.getClassName().equals(y.getClassName()) && x.getMethodName().equals(y.getMethodName())
                && x.getLineNumber() == y.getLineNumber();
    }

    /** The first frame outside the engine and the libraries, or null when there is none. */
    static StackTraceElement of(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (!skipped(e.getClassName())) return e;
        }
        return null;
    }

    private static boolean skipped(String className) {
        for (String prefix : LIBRARIES) if (className.startsWith(prefix)) return true;
        if (!className.startsWith("org.ftc.prop.")) return false;
        return ENGINE.computeIfAbsent(className, FailureOrigin::isEngineClass);
    }

    /** A class of this package is the engine's when it comes from the same place as {@link Runner} (not from the tests). */
    private static boolean isEngineClass(String className) {
        try {
            Class<?> c = Class.forName(className, false, Runner.class.getClassLoader());
            return Objects.equals(location(c), ENGINE_LOCATION);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static URL location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null ? null : cs.getLocation();
    }
}
