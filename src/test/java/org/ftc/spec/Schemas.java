package org.ftc.spec;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSON Schemas of {@code spec/schemas/}, loaded from the repository (their {@code $id}s are
 * names under a reserved {@code .invalid} host, mapped here to the files, so nothing is fetched).
 */
final class Schemas {
    static final Path FOLDER = Path.of("spec", "schemas");
    static final String BASE = "https://ftc.invalid/spec/schemas/";

    private final SchemaRegistry registry;

    Schemas() {
        Map<String, String> texts = new HashMap<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".schema.json")) texts.put(BASE + p.getFileName(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(texts));
    }

    /** The schema of {@code name} ({@code ftc-network}, ...). */
    Schema schema(String name) {
        return registry.getSchema(com.networknt.schema.SchemaLocation.of(BASE + name + ".schema.json"));
    }

    /** The schema's errors on {@code json}; empty when the document is valid. */
    List<Error> errors(String name, String json) {
        return schema(name).validate(json, InputFormat.JSON);
    }
}
