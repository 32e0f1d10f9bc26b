package org.ftc.prop;

/** Thrown when an example needs more choices than the cap: the candidate is invalid. */
final class Overrun extends RuntimeException {
    static final Overrun INSTANCE = new Overrun();

    private Overrun() {
        super("choice sequence overrun", null, false, false);
    }
}
