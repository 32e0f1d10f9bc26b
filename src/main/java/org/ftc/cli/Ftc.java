package org.ftc.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ftc} command (docs/cli.md). Exit statuses are the same for every subcommand:
 * {@value #OK} success or pass, {@value #FAIL} a verdict other than pass, {@value #BAD_INPUT} bad
 * usage or a malformed input file, {@value #INFEASIBLE} the instance is infeasible,
 * {@value #UNSUPPORTED} the asked depth has no construction yet, {@value #INTERNAL} an internal
 * error (a bug: please report it).
 */
@Command(name = "ftc", mixinStandardHelpOptions = true, version = "ftc 0.1.0",
        description = "Exact additive fine-tuning capacity: construct, verify and gate fine-tuning networks.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success; verify/gate: every verdict is pass", "1:verify/gate: some verdict is not pass",
                "2:bad usage or a malformed input file (one line names the field)", "3:the instance is infeasible",
                "4:no construction for the asked depth yet", "5:internal error (a bug)"})
public final class Ftc implements java.util.concurrent.Callable<Integer> {
    public static final int OK = 0;
    public static final int FAIL = 1;
    public static final int BAD_INPUT = 2;
    public static final int INFEASIBLE = 3;
    public static final int UNSUPPORTED = 4;
    public static final int INTERNAL = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ftc: a subcommand is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /** The subcommands, in the order of {@code ftc --help}. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ConstructCommand.class, VerifyCommand.class,
            GateCommand.class, BoundsCommand.class, ExampleCommand.class, DemoCommand.class, CommandLine.HelpCommand.class);

    /** The configured command line with every subcommand (also used by tests, with their own writers). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The configured command line for these arguments: when the first one names a subcommand other
     * than {@code help}, only that subcommand is built. Building picocli's model of a subcommand is
     * most of ftc's start-up (docs/performance.md), and the others would not be used; any other
     * first argument (none, an option, a typo, {@code help}) gets them all, for usage and suggestions.
     */
    static CommandLine commandLine(String[] argv) {
        CommandLine cl = new CommandLine(new Ftc());
        String first = argv != null && argv.length > 0 ? argv[0] : null;
        List<Class<?>> only = SUBCOMMANDS.stream().filter(sub -> !"help".equals(first) && nameOf(sub).equals(first)).toList();
        for (Class<?> sub : only.isEmpty() ? SUBCOMMANDS : only) cl.addSubcommand(sub);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("ftc: internal error: " + CliFailure.oneLine(e.toString()));
            if (Boolean.getBoolean("ftc.debug")) e.printStackTrace(err);
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("ftc: " + CliFailure.oneLine(e.getMessage()));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        ProgramOutput.install();
        System.exit(commandLine(args).execute(args));
    }

    /** The name a subcommand's {@code @Command} annotation gives it (read without building its model). */
    private static String nameOf(Class<?> sub) {
        return sub.getAnnotation(Command.class).name();
    }
}
