package org.ftc.construct;

/** There is no construction for the depth an instance asks for (exit status 4 of {@code ftc construct}). */
public final class NoConstructionException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public NoConstructionException(String message) {
        super(message);
    }
}
