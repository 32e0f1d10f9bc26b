package org.ftc.cli;

/** A clean stop of a subcommand: one message line for standard error and an exit status. */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    /** {@code message} is kept on one line: line breaks in it (a file name may hold one) are written as {@code \n}, {@code \r}. */
    CliFailure(int status, String message) {
        super(oneLine(message));
        this.status = status;
    }

    /** {@code text} with its line breaks written as {@code \n} and {@code \r}, so an error stays one line. */
    static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    int status() {
        return status;
    }
}
