package org.ftc.prop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Choice sequences as text: {@code #} comment lines, then non-negative decimal choices separated
 * by white space. Stored failures use this format.
 */
public final class ChoiceFiles {
    private ChoiceFiles() {
    }

    public static long[] read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static long[] parse(String text) {
        List<Long> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            for (String word : t.split("\\s+")) {
                long v = Long.parseLong(word);
                if (v < 0) throw new NumberFormatException("negative choice " + v);
                out.add(v);
            }
        }
        long[] a = new long[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    /** Writes the choices after the given comment lines (each prefixed with "# "). */
    public static void write(Path file, long[] choices, List<String> comments) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) sb.append("# ").append(c.replace('\n', ' ')).append('\n');
        for (int i = 0; i < choices.length; i++) {
            sb.append(choices[i]).append(i % 20 == 19 || i == choices.length - 1 ? '\n' : ' ');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
