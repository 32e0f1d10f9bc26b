package org.ftc.gate;

import java.io.IOException;
import java.io.PrintStream;
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
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.ftc.prop.Gen;
import org.ftc.prop.Replay;

/**
 * The gate: runs an implementation on many instances, judges every answer exactly, shrinks
 * failures and writes what a user or a CI system needs (spec/protocol.md section 6, docs/gate.md).
 */
public final class Gate implements AutoCloseable {
    private final GateConfig config;
    private final Implementation implementation;
    private final Judge judge;
    private final PrintStream progress;

    /** A gate on the command {@code config} names, in process or line mode ({@link GateConfig#implementation}). */
    public Gate(GateConfig config, PrintStream progress) {
        this(config, config.implementation(), progress);
    }

    /**
     * A gate on any implementation (a JVM one in process, say); {@code config} gives the limits,
     * the judge's settings and the files (its command only names the implementation in them).
     * The gate closes the implementation when its run ends.
     */
    public Gate(GateConfig config, Implementation implementation, PrintStream progress) {
        this.config = config;
        this.implementation = implementation;
        this.judge = new Judge(config.budget(), config.tolerances(), config.floatEval());
        this.progress = progress;
    }

    /**
     * An instance to judge: {@code name} is unique in the run and safe as a file name (the case's
     * files are named after it), {@code file} is where it was read from, {@code choices} are its
     * generator choices when it was generated.
     */
    public record Input(String name, Instance instance, Optional<long[]> choices, Optional<Path> file) {
        public Input {
            if (!name.equals(GateFiles.safe(name))) throw new IllegalArgumentException("a case name must be safe as a file name, got " + name);
        }
    }

    /** {@code count} instances from {@code gen}, instance {@code i} from a seed derived from {@code seed} and {@code i}. */
    public static List<Input> generated(Gen<Instance> gen, long seed, int count) {
        List<Input> inputs = new ArrayList<>(count);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            Replay.Recorded<Instance> r = Replay.random(gen, seeds.nextLong());
            String id = String.format("seed%d-%04d", seed, i);
            inputs.add(new Input(id, r.value().withId(id), Optional.of(r.choices()), Optional.empty()));
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
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Path file : files) {
            Instance inst;
            try {
                inst = InstanceCodec.DEFAULT.read(Files.readAllBytes(file));
            } catch (FormatException e) {
                throw new FormatException(file + ": " + e.path(), e.problem());
            }
            String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
            String id = inst.id().isEmpty() ? stem : inst.id();
            // The case is named after its file (ids are often shared); names made equal by the
            // file-name-safe mapping get a suffix, in sorted order.
            String name = GateFiles.safe(stem);
            for (int k = 2; !names.add(name); k++) name = GateFiles.safe(stem) + "-" + k;
            inputs.add(new Input(name, inst.withId(id), Optional.empty(), Optional.of(file)));
        }
        return inputs;
    }

    /** Runs the implementation once on an instance and judges the answer. */
    public Judged runOne(Instance instance) {
        return runOne(instance, config.timeoutMillis());
    }

    /**
     * Like {@link #runOne(Instance)} with a time limit of at most {@code timeoutMillis} (shrinking
     * gives a try no more than its budget has left). Each try has an attempt id of its own, the
     * instance's id with {@code ~n}, so an answer is never credited to another instance (shrink
     * candidates share their original's id).
     */
    Judged runOne(Instance instance, long timeoutMillis) {
        return judged(instance, instance.id() + "~" + tries.incrementAndGet(), timeoutMillis);
    }

    private final AtomicInteger tries = new AtomicInteger();

    /** Asks the implementation for an answer to {@code instance} and judges it. */
    private Judged judged(Instance instance, String attemptId, long timeoutMillis) {
        Attempt attempt = implementation.answer(instance, attemptId, timeoutMillis);
        Attempt.Run run = attempt.run();
        // The run's exit status, standard error and time go with every verdict, a judging timeout's too.
        Verdict v = judgeWithinMemory(instance, attempt).withRun(run.exitStatus(), run.stderrTail(), run.elapsedMillis());
        return new Judged(v, run.output());
    }

    /** Bounds the heap of the answers judged at once (several workers, big answers). */
    private final JudgingMemory memory = JudgingMemory.forThisJvm();

    /**
     * Judges {@code attempt} under a lease of {@link #memory} sized by its output, taken before the
     * judging time starts. The lease is given back when the check ends, which for a check abandoned
     * at the time limit is when its arithmetic does; a check cancelled before it started gives it
     * back here.
     */
    private Verdict judgeWithinMemory(Instance instance, Attempt attempt) {
        JudgingMemory.Lease lease;
        try {
            lease = memory.lease(attempt.run().output().length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("gate interrupted", e);
        }
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Verdict v = judgeWithin(() -> {
            if (!started.compareAndSet(false, true)) return null;
            try {
                return judge.judge(instance, attempt);
            } finally {
                lease.close();
            }
        });
        if (started.compareAndSet(false, true)) lease.close();
        return v;
    }

    /**
     * Judging has a time bound of its own, the instance time limit: exact arithmetic on an answer
     * with enormous numbers could otherwise hold a worker for hours. Past it the verdict is
     * {@code timeout}, naming the stage. (The abandoned check cannot be stopped safely; it is
     * interrupted and its daemon thread ends when the arithmetic does.)
     */
    private Verdict judgeWithin(java.util.concurrent.Callable<Verdict> judging) {
        return judgeWithin(judges, judging, config.timeoutMillis());
    }

    static Verdict judgeWithin(ExecutorService judges, java.util.concurrent.Callable<Verdict> judging, long millis) {
        Future<Verdict> f = judges.submit(judging);
        try {
            return f.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return Verdict.of(Verdict.Kind.TIMEOUT, "stage judging: the exact check of the answer took longer than " + millis
                    + " ms (the time limit); the answer is not credited");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("gate interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private final ExecutorService judges = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gate-judge");
        t.setDaemon(true);
        return t;
    });

    public record Judged(Verdict verdict, byte[] output) {
    }

    /** Judging stops after this many timeouts in a row (an implementation that never answers). */
    public static final int STOP_AFTER_TIMEOUTS = 5;

    private volatile String stopReason;

    /** Why judging stopped before the last instance, if it did (repeated timeouts). */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * Judges every input, then shrinks failures ({@code gen} is the generator of generated inputs,
     * or null). With an output folder, every verdict is written as it is decided ({@link GateOutput}).
     *
     * @throws GateOutput.FolderInUse when the output folder holds files and overwriting was not asked for
     * @throws GateOutput.WriteFailed when a file of the run cannot be written (the run stops)
     */
    public GateReport run(List<Input> inputs, Gen<Instance> gen) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Input in : inputs) if (!names.add(in.name())) throw new IllegalArgumentException("two inputs are both named " + in.name());
        long start = System.nanoTime();
        List<GateCase> cases;
        long runMillis;
        GateOutput output = config.outputFolder().map(f -> GateOutput.open(f, config, implementation.form())).orElse(null);
        try {
            cases = judgeAll(inputs, output);
            runMillis = (System.nanoTime() - start) / 1_000_000;
            // Shrinking asks the same implementation (in line mode: the same persistent processes).
            cases = shrinkFailures(cases, gen, output);
            GateReport report = new GateReport(config, cases, runMillis, (System.nanoTime() - start) / 1_000_000);
            if (output != null) output.finish(report);
            return report;
        } finally {
            close();
            if (output != null) output.close();
        }
    }

    /** Closes the implementation (line mode: asks the persistent processes to finish, then kills what is left). */
    @Override
    public void close() {
        judges.shutdownNow();
        implementation.close();
    }

    /** Processes a line-mode implementation started so far (restarts included); 0 for any other implementation. */
    public int lineProcessStarts() {
        return implementation instanceof LineImplementation line ? line.processStarts() : 0;
    }

    private List<GateCase> judgeAll(List<Input> inputs, GateOutput output) {
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
                // The case name is unique in the run: the attempt's id (line mode sends it as the instance's id).
                Judged j = judged(in.instance(), in.name(), config.timeoutMillis());
                if (j.verdict().kind() == Verdict.Kind.TIMEOUT) {
                    if (timeoutsInARow.incrementAndGet() >= STOP_AFTER_TIMEOUTS && stopReason == null) {
                        stopReason = "gate stopped early: " + STOP_AFTER_TIMEOUTS + " timeouts in a row (the last: " + in.name() + ", "
                                + j.verdict().message() + "); the instances not yet started were not judged."
                                + implementation.timeoutHint()
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
                GateCase c = new GateCase(in.name(), in.file(), in.instance(), in.choices(), j.verdict(), j.output(), Optional.empty());
                if (output != null) output.decided(c);
                return c.retained();
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
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("gate worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return cases;
    }

    private List<GateCase> shrinkFailures(List<GateCase> cases, Gen<Instance> gen, GateOutput output) {
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
            progress.printf("[gate] shrinking %s (%s) ...%n", c.name(), kind.label());
            InstanceShrinker.Result r;
            try (ParallelJudging judging = new ParallelJudging(this::runOne, config.timeoutMillis(), config.jobs())) {
                r = InstanceShrinker.shrink(c.instance(), new Judged(c.verdict(), c.output()), judging, config.jobs(),
                        System.nanoTime() + config.shrinkTime().toNanos(), progress, c.name());
            } catch (RuntimeException e) {
                progress.printf("[gate] internal error while shrinking %s: %s; kept unshrunk%n", c.name(), e.getMessage());
                continue;
            }
            Instance smallest = r.instance().withId(c.id() + "-shrunk");
            GateCase shrunk = c.withShrunk(new GateCase.Shrunk(smallest, r.judged().verdict(), r.judged().output(), r.steps(),
                    r.millis(), r.tries(), r.helped()));
            out.set(i, shrunk);
            if (output != null) output.shrunk(shrunk);
            progress.printf("[gate] %s shrunk from K = %d, N = %d, d = %d to K = %d, N = %d, d = %d in %d tries, %.1f s (passes that helped: %s)%n",
                    c.name(), c.instance().sampleCount(), c.instance().changeCount(), c.instance().dimension(), smallest.sampleCount(),
                    smallest.changeCount(), smallest.dimension(), r.tries(), r.millis() / 1e3, r.helped());
        }
        return out;
    }
}
