package org.ftc.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;

/** The reading baseline of docs/performance.md: tokenize a JSON file with Jackson's streaming parser, nothing else. */
public final class Tokenize {
    private Tokenize() {
    }

    public static void main(String[] args) throws IOException {
        long tokens = 0, chars = 0;
        for (String file : args) {
            try (JsonParser p = new JsonFactory().createParser(Path.of(file).toFile())) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens++;
                    if (t == JsonToken.VALUE_STRING) chars += p.getTextLength();
                }
            }
        }
        System.out.println(tokens + " tokens, " + chars + " string characters");
    }
}
