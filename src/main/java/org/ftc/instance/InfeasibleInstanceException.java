package org.ftc.instance;

/** No {@code g} exists: two equal samples demand different values of {@code f + g}. */
public final class InfeasibleInstanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InfeasibleInstanceException(String message) {
        super(message);
    }
}
