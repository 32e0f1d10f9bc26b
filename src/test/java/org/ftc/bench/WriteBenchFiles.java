package org.ftc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftc.gen.MlShaped;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;

/**
 * Writes a benchmark instance file (not a test). Args: {@code FILE kind d K N depth [widths]} where
 * kind is {@code ml} (float32, {@link MlShaped}, widths like {@code 32} or {@code 256x256}) or
 * {@code easy} ({@link BenchInstances#random}).
 */
public final class WriteBenchFiles {
    private WriteBenchFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String kind = args[1];
        int d = Integer.parseInt(args[2]);
        int k = Integer.parseInt(args[3]);
        int n = Integer.parseInt(args[4]);
        int depth = Integer.parseInt(args[5]);
        Instance inst;
        if (kind.equals("ml")) {
            String[] parts = (args.length > 6 ? args[6] : "32").split("x");
            int[] widths = new int[parts.length];
            for (int i = 0; i < parts.length; i++) widths[i] = Integer.parseInt(parts[i]);
            inst = MlShaped.instance(42, d, widths, k, n, depth);
        } else if (kind.equals("easy")) {
            inst = BenchInstances.random(d, k, n, depth, 42);
        } else {
            throw new IllegalArgumentException("kind is ml or easy, got " + kind);
        }
        Files.writeString(file, InstanceCodec.writeCompact(inst), StandardCharsets.UTF_8);
        System.out.println("wrote " + file + ": " + inst.id() + ", " + Files.size(file) + " bytes");
    }
}
