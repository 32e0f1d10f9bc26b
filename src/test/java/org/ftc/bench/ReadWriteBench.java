package org.ftc.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.TwoLayerHats;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.ftc.net.Network;

/**
 * Benchmark (not a test) of reading and writing the formats against Jackson's streaming tokenizer,
 * in the same run: for an instance file and a network file, the time to tokenize the file with
 * {@link JsonParser} (every token, no values built), to read it with ftc's reader into exact values,
 * and to write it back.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java -Dexec.mainClass=org.ftc.bench.ReadWriteBench
 * -Dexec.args="FOLDER [d K N [repetitions]]"}. The files {@code FOLDER/instance.json} (random, from
 * {@link BenchInstances}) and {@code FOLDER/network.json} (T2U's exact {@code g} for it) are made
 * when missing, so the same files can then be timed end to end with {@code ./ftc construct} and
 * {@code ./ftc verify} (see {@code bench/read-write.sh}). {@code tokenize FILE} alone runs just the
 * Jackson baseline once, as its own process.
 */
public final class ReadWriteBench {
    private ReadWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("tokenize")) {
            long t0 = System.nanoTime();
            long tokens = tokenize(Files.readAllBytes(Path.of(args[1])));
            System.out.printf("tokenize %s: %d tokens in %.3f s%n", args[1], tokens, (System.nanoTime() - t0) / 1e9);
            return;
        }
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench-io");
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Files.createDirectories(folder);
        Path instanceFile = folder.resolve("instance.json");
        Path networkFile = folder.resolve("network.json");
        if (!Files.exists(instanceFile) || !Files.exists(networkFile)) {
            Instance inst = BenchInstances.random(d, k, n, 2, 42);
            Files.writeString(instanceFile, InstanceCodec.write(inst));
            Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, inst);
            Files.writeString(networkFile, NetworkCodec.write(g));
        }
        byte[] instanceBytes = Files.readAllBytes(instanceFile);
        byte[] networkBytes = Files.readAllBytes(networkFile);
        System.out.printf("read/write benchmark: %s (%.1f MB), %s (%.1f MB); best and median of %d runs%n",
                instanceFile, instanceBytes.length / 1e6, networkFile, networkBytes.length / 1e6, reps);

        double[] tokI = new double[reps], readI = new double[reps], writeI = new double[reps];
        double[] tokN = new double[reps], readN = new double[reps], writeN = new double[reps];
        for (int r = 0; r < reps; r++) {
            tokI[r] = time(() -> tokenize(instanceBytes));
            Instance[] inst = new Instance[1];
            readI[r] = time(() -> inst[0] = InstanceCodec.DEFAULT.read(instanceBytes));
            writeI[r] = time(() -> writeTo(OutputStream.nullOutputStream(), w -> InstanceCodec.write(inst[0], w)));
            tokN[r] = time(() -> tokenize(networkBytes));
            @SuppressWarnings("unchecked") Network<Rational>[] g = new Network[1];
            readN[r] = time(() -> g[0] = NetworkCodec.DEFAULT.read(networkBytes));
            writeN[r] = time(() -> writeTo(OutputStream.nullOutputStream(), w -> NetworkCodec.write(g[0], w)));
        }
        row("instance", instanceBytes.length, tokI, readI, writeI);
        row("network", networkBytes.length, tokN, readN, writeN);
    }

    interface Body {
        Object run() throws Exception;
    }

    interface WriteBody {
        void run(Writer w) throws IOException;
    }

    static Object writeTo(OutputStream out, WriteBody body) throws IOException {
        try (Writer w = new java.io.OutputStreamWriter(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8)) {
            body.run(w);
        }
        return null;
    }

    static double time(Body body) throws Exception {
        long t0 = System.nanoTime();
        Object o = body.run();
        double s = (System.nanoTime() - t0) / 1e9;
        if (o == null && false) System.out.print("");
        return s;
    }

    private static void row(String what, long bytes, double[] tok, double[] read, double[] write) {
        System.out.printf("  %-8s tokenize %.3f s (median %.3f, %.0f MB/s) | ftc read %.3f s (median %.3f, %.1fx tokenize) | write %.3f s (median %.3f)%n",
                what, min(tok), median(tok), bytes / 1e6 / min(tok), min(read), median(read), min(read) / min(tok), min(write), median(write));
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Jackson's streaming tokenizer over the whole document: the baseline. */
    static long tokenize(byte[] bytes) throws IOException {
        long tokens = 0;
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                tokens++;
                if (t == JsonToken.VALUE_STRING) p.getTextLength();
            }
        }
        return tokens;
    }
}
