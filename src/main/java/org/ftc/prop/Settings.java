package org.ftc.prop;

import java.util.Optional;

/** System-property settings; an empty or blank value means unset (Maven forwards empty strings). */
final class Settings {
    static final int DEFAULT_TRIES = 200;
    static final long DEFAULT_SHRINK_SECONDS = 10;
    static final String DEFAULT_FAILURE_DIR = ".ftc-failures";

    private Settings() {
    }

    static Optional<String> get(String key) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    static Optional<Long> getLong(String key) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(v.get()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + key + " is not an integer: " + v.get(), e);
        }
    }

    /**
     * {@code ftc.tries}, which must be at least 1: a property that "passes 0 tries" has tested
     * nothing, so 0 or a negative value is a usage error, not a pass.
     */
    static Optional<Integer> getTries() {
        Optional<Long> v = getLong("ftc.tries");
        if (v.isPresent() && (v.get() < 1 || v.get() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("system property ftc.tries must be between 1 and " + Integer.MAX_VALUE
                    + ", got " + v.get() + " (a property run with no tries tests nothing)");
        }
        return v.map(Math::toIntExact);
    }

    static boolean getBoolean(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }
}
