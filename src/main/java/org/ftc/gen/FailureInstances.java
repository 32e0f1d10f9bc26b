package org.ftc.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.prop.PropertyResult;

/**
 * An {@code onFailure} hook for properties over instances: the shrunk instance is also written as an
 * {@code ftc-instance} file next to the stored choice sequence ({@code <name>.instance.json}), so it
 * can be fed to {@code ./ftc construct}, {@code ./ftc verify} or another implementation directly.
 */
public final class FailureInstances {
    private FailureInstances() {
    }

    /** The hook for properties over {@link GeneratedInstance}s. */
    public static Consumer<PropertyResult<GeneratedInstance>> write() {
        return write(GeneratedInstance::instance);
    }

    /** The hook for properties whose examples contain an instance. */
    public static <T> Consumer<PropertyResult<T>> write(Function<? super T, Instance> instanceOf) {
        return result -> {
            Optional<Path> file = written(result, instanceOf);
            file.ifPresent(f -> System.err.println("[ftc] shrunk instance written to " + f
                    + " (try: ./ftc construct " + f + ")"));
        };
    }

    /** Writes the file and returns its path; empty when the property stored no failure file. */
    public static <T> Optional<Path> written(PropertyResult<T> result, Function<? super T, Instance> instanceOf) {
        Optional<Path> choices = result.failureFile();
        Optional<T> shrunk = result.shrunk();
        if (choices.isEmpty() || shrunk.isEmpty()) return Optional.empty();
        String base = choices.get().getFileName().toString().replaceFirst("\\.choices$", "");
        Path target = choices.get().resolveSibling(base + ".instance.json");
        try {
            Instance instance = instanceOf.apply(shrunk.get());
            Files.writeString(target, InstanceCodec.write(instance.withId("shrunk failure of " + result.name())),
                    StandardCharsets.UTF_8);
            return Optional.of(target);
        } catch (IOException | RuntimeException e) {
            System.err.println("[ftc] could not write the shrunk instance to " + target + ": " + e);
            return Optional.empty();
        }
    }
}
