package org.ftc.prop;

/** Thrown by {@link PropertyBuilder#check}: the message is the full failure report. */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final transient PropertyResult<?> result;

    public PropertyFailure(PropertyResult<?> result) {
        super(result.report(), result.failure().orElse(null));
        this.result = result;
    }

    public PropertyResult<?> result() {
        return result;
    }
}
