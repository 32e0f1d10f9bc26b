package org.ftc.cli;

/** A clean stop of a subcommand: one message line for standard error and an exit status. */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    CliFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
