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
import org.ftc.prop.ShrinkResult;
import org.ftc.prop.Shrinker;

/**
 * The gate: runs an implementation on many instances, judges every answer exactly, shrinks
 * failures and writes what a user or a CI system needs (PROTOCOL "Gate", docs/gate.md).
 */
public final class Gate implements AutoCloseable {
    private final GateConfig config;
    private final ProcessRunner runner;
    /** The persistent processes of line mode (one per worker), or null in process mode. */
    private final LineRunner lines;
    private final Judge judge;
    private final AnswerCodec answers;
    private final PrintStream progress;

    public Gate(GateConfig config, PrintStream progress) {
        this.config = config;
        this.runner = new ProcessRunner(config.command(), config.timeoutMillis(), config.maxOutputBytes(), config.workingDirectory());
        ReadLimits limits = config.readLimits();
        this.answers = new AnswerCodec(limits);
        this.judge = new Judge(config.budget(), config.tolerance(), new NetworkCodec(limits), answers);
        this.lines = config.lineMode()
                ? new LineRunner(config.command(), config.timeoutMillis(), config.maxOutputBytes(), config.workingDirectory())
                : null;
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
        // In line mode every line sent carries an id of its own, so an answer is never credited
        // to another instance (shrink candidates share their original's id).
        return lines == null ? runOnce(instance) : runOnce(instance.withId(instance.id() + "~" + tries.incrementAndGet()));
    }

    private final AtomicInteger tries = new AtomicInteger();
    /** Every id sent in line mode (each is unique in the run). */
    private final java.util.Set<String> sentIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Runs and judges {@code sent} as it is (in line mode its id must be unique in the run). */
    private Judged runOnce(Instance sent) {
        if (lines != null) {
            // The answer is read once: to check it is for this instance, then to judge it.
            AnswerCodec.Answer[] read = new AnswerCodec.Answer[1];
            FormatException[] unread = new FormatException[1];
            sentIds.add(sent.id());
            LineResult r = lines.exchange(InstanceCodec.writeCompact(sent).getBytes(StandardCharsets.UTF_8), line -> {
                try {
                    read[0] = answers.read(line);
                    unread[0] = null;
                } catch (FormatException e) {
                    read[0] = null;
                    unread[0] = e;
                    return true; // not an answer at all: the judge says so
                }
                // Out of step only when the answer names an instance sent earlier; a missing or
                // unknown id is the judge's to report.
                return read[0].instance().map(id -> id.equals(sent.id()) || !sentIds.contains(id)).orElse(true);
            });
            Verdict v = judgeWithin(() -> r.outcome() == LineResult.Outcome.ANSWER
                    ? judge.judge(sent, r, read[0] != null ? read[0] : null, unread[0])
                    : judge.judge(sent, r));
            return new Judged(v.withRun(r.exitStatus(), r.stderrTail(), r.elapsedMillis()), r.line());
        }
        RunResult run = runner.run(InstanceCodec.write(sent).getBytes(StandardCharsets.UTF_8));
        Verdict v = judgeWithin(() -> judge.judge(sent, run));
        return new Judged(v.withRun(run.exitStatus(), run.stderrTail(), run.elapsedMillis()), run.stdout());
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
        GateOutput output = config.outputFolder().map(f -> GateOutput.open(f, config.overwriteOutput())).orElse(null);
        try {
            cases = judgeAll(inputs, output);
            runMillis = (System.nanoTime() - start) / 1_000_000;
            // Shrinking borrows one of the same persistent processes in line mode.
            cases = shrinkFailures(cases, gen, output);
            GateReport report = new GateReport(config, cases, runMillis, (System.nanoTime() - start) / 1_000_000);
            if (output != null) output.finish(report);
            return report;
        } finally {
            close();
            if (output != null) output.close();
        }
    }

    /** Line mode: asks the persistent processes to finish (their input is closed) and kills what is left. */
    @Override
    public void close() {
        judges.shutdownNow();
        if (lines != null) lines.close();
    }

    /** Processes started so far in line mode (restarts included); 0 in process mode. */
    public int lineProcessStarts() {
        return lines == null ? 0 : lines.processStarts();
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
        for (Input in : inputs) {
            futures.add(pool.submit(() -> {
                // In line mode the instance line carries the case name as its id, unique in the run.
                Judged j = lines == null ? runOnce(in.instance()) : runOnce(in.instance().withId(in.name()));
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
                if (output != null) output.decided(c, config);
                return c;
            }));
        }
        List<GateCase> cases = new ArrayList<>();
        try {
            for (Future<GateCase> f : futures) cases.add(f.get());
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
            // Timeouts are not shrunk: every candidate would cost a full time limit.
            if (c.verdict().passed() || kind == Verdict.Kind.TIMEOUT || seen.containsKey(kind)) continue;
            seen.put(kind, true);
            shrinks++;
            progress.printf("[gate] shrinking %s (%s) ...%n", c.name(), kind.label());
            long start = System.nanoTime();
            Instance smallest;
            int steps;
            // Many shrink candidates decode to the same instance: judge each distinct one once.
            Map<String, Boolean> memo = new java.util.HashMap<>();
            java.util.function.Predicate<Instance> sameFailure = inst -> memo.computeIfAbsent(InstanceCodec.writeCompact(inst.withId("")),
                    key -> runOne(inst).verdict().kind() == kind);
            if (c.choices().isPresent() && gen != null) {
                ShrinkResult<Instance> r;
                try {
                    r = Shrinker.shrink(gen, c.choices().get(), sameFailure, config.shrinkTime());
                } catch (IllegalArgumentException flaky) {
                    progress.printf("[gate] %s did not fail again on replay (flaky implementation?); not shrunk%n", c.name());
                    continue;
                }
                smallest = r.value();
                steps = r.steps();
            } else {
                long deadline = System.nanoTime() + config.shrinkTime().toNanos();
                smallest = InstanceShrinker.shrink(c.instance(), sameFailure, deadline);
                steps = -1;
            }
            smallest = smallest.withId(c.id() + "-shrunk");
            Judged again = runOne(smallest);
            long millis = (System.nanoTime() - start) / 1_000_000;
            GateCase shrunk = c.withShrunk(new GateCase.Shrunk(smallest, again.verdict(), again.output(), steps, millis));
            out.set(i, shrunk);
            if (output != null) output.shrunk(shrunk);
            progress.printf("[gate] %s shrunk to K = %d, N = %d, d = %d in %.1f s%n", c.name(), smallest.sampleCount(), smallest.changeCount(),
                    smallest.dimension(), millis / 1e3);
        }
        return out;
    }
}
