package org.ftc.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ftc.instance.Instance;
import org.ftc.io.AnswerCodec;
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.ftc.io.ReadLimits;
import org.ftc.prop.Gen;
import org.ftc.prop.Replay;

/**
 * The gate: runs an implementation on many instances, judges every answer exactly, shrinks
 * failures and writes what a user or a CI system needs (spec/protocol.md section 6, docs/gate.md).
 */
public final class Gate implements AutoCloseable {
    private final GateConfig config;
    private final ProcessRunner runner;
    /** The persistent processes of line mode (one per worker), or null in process mode. */
    private final LineRunner lines;
    private final Judge judge;
    private final PrintStream progress;

    public Gate(GateConfig config, PrintStream progress) {
        this.config = config;
        this.runner = new ProcessRunner(config.command(), config.timeoutMillis(), config.maxOutputBytes(), config.workingDirectory());
        ReadLimits limits = config.readLimits();
        this.judge = new Judge(config.budget(), config.tolerances(), new NetworkCodec(limits), new AnswerCodec(limits), config.floatEval());
        this.lines = config.lineMode()
                ? new LineRunner(config.command(), config.timeoutMillis(), config.maxOutputBytes(), config.workingDirectory())
                : null;
        this.progress = progress;
    }

    /** An instance to judge, with its generator choices when it was generated. */
    public record Input(String id, Instance instance, Optional<long[]> choices) {
    }

    /** {@code count} instances from {@code gen}, instance {@code i} from a seed derived from {@code seed} and {@code i}. */
    public static List<Input> generated(Gen<Instance> gen, long seed, int count) {
        List<Input> inputs = new ArrayList<>(count);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            Replay.Recorded<Instance> r = Replay.random(gen, seeds.nextLong());
            String id = String.format("seed%d-%04d", seed, i);
            inputs.add(new Input(id, r.value().withId(id), Optional.of(r.choices())));
        }
        return inputs;
    }

    /** Every {@code *.json} file in a folder (sorted by name), or the one file given. */
    public static List<Input> fromFiles(Path folderOrFile) throws IOException, FormatException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folderOrFile)) {
            try (var stream = Files.list(folderOrFile)) {
                stream.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(files::add);
            }
            if (files.isEmpty()) throw new IOException("no *.json instance files in " + folderOrFile);
        } else {
            files.add(folderOrFile);
        }
        List<Input> inputs = new ArrayList<>();
        for (Path file : files) {
            Instance inst;
            try {
                inst = InstanceCodec.DEFAULT.read(Files.readAllBytes(file));
            } catch (FormatException e) {
                throw new FormatException(file + ": " + e.path(), e.problem());
            }
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            String id = inst.id().isEmpty() ? name : inst.id();
            inputs.add(new Input(id, inst.withId(id), Optional.empty()));
        }
        return inputs;
    }

    /** Runs the implementation once on an instance and judges the answer. */
    public Judged runOne(Instance instance) {
        return runOne(instance, config.timeoutMillis());
    }

    /**
     * Like {@link #runOne(Instance)} with a time limit of at most {@code timeoutMillis} for one
     * process (shrinking gives a try no more than its budget has left); line mode keeps the
     * limit its processes were started with.
     */
    Judged runOne(Instance instance, long timeoutMillis) {
        if (lines == null && timeoutMillis < config.timeoutMillis()) {
            RunResult run = new ProcessRunner(config.command(), timeoutMillis, config.maxOutputBytes(), config.workingDirectory())
                    .run(InstanceCodec.write(instance).getBytes(StandardCharsets.UTF_8));
            return new Judged(judge.judge(instance, run), run.stdout());
        }
        if (lines != null) {
            LineResult r = lines.exchange(InstanceCodec.writeCompact(instance).getBytes(StandardCharsets.UTF_8));
            return new Judged(judge.judge(instance, r), r.line());
        }
        RunResult run = runner.run(InstanceCodec.write(instance).getBytes(StandardCharsets.UTF_8));
        return new Judged(judge.judge(instance, run), run.stdout());
    }

    public record Judged(Verdict verdict, byte[] output) {
    }

    /** Judging stops after this many timeouts in a row (an implementation that never answers). */
    public static final int STOP_AFTER_TIMEOUTS = 5;

    private volatile String stopReason;

    /** Why judging stopped before the last instance, if it did (repeated timeouts). */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Judges every input, then shrinks failures ({@code gen} is the generator of generated inputs, or null). */
    public GateReport run(List<Input> inputs, Gen<Instance> gen) {
        long start = System.nanoTime();
        List<GateCase> cases;
        long runMillis;
        try {
            cases = judgeAll(inputs);
            runMillis = (System.nanoTime() - start) / 1_000_000;
            // Shrinking borrows one of the same persistent processes in line mode.
            cases = shrinkFailures(cases, gen);
        } finally {
            close();
        }
        GateReport report = new GateReport(config, cases, runMillis, (System.nanoTime() - start) / 1_000_000);
        config.outputFolder().ifPresent(folder -> {
            try {
                GateFiles.write(folder, report);
            } catch (IOException e) {
                progress.println("[gate] could not write results to " + folder + ": " + e.getMessage());
            }
        });
        return report;
    }

    /** Line mode: asks the persistent processes to finish (their input is closed) and kills what is left. */
    @Override
    public void close() {
        if (lines != null) lines.close();
    }

    /** Processes started so far in line mode (restarts included); 0 in process mode. */
    public int lineProcessStarts() {
        return lines == null ? 0 : lines.processStarts();
    }

    private List<GateCase> judgeAll(List<Input> inputs) {
        ExecutorService pool = Executors.newFixedThreadPool(config.jobs(), r -> {
            Thread t = new Thread(r, "gate-worker");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long[] lastReport = {start};
        List<Future<GateCase>> futures = new ArrayList<>();
        AtomicInteger timeoutsInARow = new AtomicInteger();
        for (Input in : inputs) {
            futures.add(pool.submit(() -> {
                if (stopReason != null) return null;
                Judged j = runOne(in.instance());
                if (j.verdict().kind() == Verdict.Kind.TIMEOUT) {
                    if (timeoutsInARow.incrementAndGet() >= STOP_AFTER_TIMEOUTS && stopReason == null) {
                        stopReason = "gate stopped early: " + STOP_AFTER_TIMEOUTS + " timeouts in a row (the last: " + in.id() + ", "
                                + j.verdict().message() + "); the instances not yet started were not judged."
                                + (config.lineMode() ? " In line mode every answer must end with a newline and be flushed." : "")
                                + " Raise --timeout-ms if the implementation is only slow.";
                        progress.println("[gate] " + stopReason);
                    }
                } else {
                    timeoutsInARow.set(0);
                }
                if (!j.verdict().passed()) failed.incrementAndGet();
                int n = done.incrementAndGet();
                synchronized (lastReport) {
                    long now = System.nanoTime();
                    if (now - lastReport[0] > 2_000_000_000L || n == inputs.size()) {
                        lastReport[0] = now;
                        progress.printf("[gate] %d/%d judged, %d failing (%.1f s)%n", n, inputs.size(), failed.get(), (now - start) / 1e9);
                    }
                }
                return new GateCase(in.id(), in.instance(), in.choices(), j.verdict(), j.output(), Optional.empty());
            }));
        }
        List<GateCase> cases = new ArrayList<>();
        try {
            for (Future<GateCase> f : futures) {
                GateCase c = f.get();
                if (c != null) cases.add(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("gate interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("gate worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return cases;
    }

    private List<GateCase> shrinkFailures(List<GateCase> cases, Gen<Instance> gen) {
        if (config.shrinkTime().isZero() || config.maxShrinks() == 0) return cases;
        List<GateCase> out = new ArrayList<>(cases);
        Map<Verdict.Kind, Boolean> seen = new EnumMap<>(Verdict.Kind.class);
        int shrinks = 0;
        for (int i = 0; i < out.size() && shrinks < config.maxShrinks(); i++) {
            GateCase c = out.get(i);
            Verdict.Kind kind = c.verdict().kind();
            // Timeouts are not shrunk: every candidate would cost a full time limit. Unsupported depths
            // are not failures of a construction: there is nothing smaller to find.
            if (c.verdict().passed() || kind == Verdict.Kind.TIMEOUT || kind == Verdict.Kind.UNSUPPORTED || seen.containsKey(kind)) continue;
            seen.put(kind, true);
            shrinks++;
            progress.printf("[gate] shrinking %s (%s) ...%n", c.id(), kind.label());
            InstanceShrinker.Result r;
            try (ParallelJudging judging = new ParallelJudging(this::runOne, config.timeoutMillis(), config.jobs())) {
                r = InstanceShrinker.shrink(c.instance(), new Judged(c.verdict(), c.output()), judging, config.jobs(),
                        System.nanoTime() + config.shrinkTime().toNanos(), progress, c.id());
            } catch (RuntimeException e) {
                progress.printf("[gate] internal error while shrinking %s: %s; kept unshrunk%n", c.id(), e.getMessage());
                continue;
            }
            Instance smallest = r.instance().withId(c.id() + "-shrunk");
            out.set(i, c.withShrunk(new GateCase.Shrunk(smallest, r.judged().verdict(), r.judged().output(), r.steps(),
                    r.millis(), r.tries(), r.helped())));
            progress.printf("[gate] %s shrunk from K = %d, N = %d, d = %d to K = %d, N = %d, d = %d in %d tries, %.1f s (passes that helped: %s)%n",
                    c.id(), c.instance().sampleCount(), c.instance().changeCount(), c.instance().dimension(), smallest.sampleCount(),
                    smallest.changeCount(), smallest.dimension(), r.tries(), r.millis() / 1e3, r.helped());
        }
        return out;
    }
}
