package org.ftc.prop;

/** A {@link Gen#filter} (or a unique list) rejected too many values in a row. */
public final class FilterExhaustedException extends RuntimeException {
    /** Rejections in a row after which a filter gives up. */
    public static final int LIMIT = 100;

    public FilterExhaustedException(String description, int rejected) {
        super("filter '" + description + "' rejected " + rejected + " generated values in a row;"
                + " the filter is too strict for its generator: generate valid values directly"
                + " (e.g. with map or flatMap) instead of filtering them");
    }
}
