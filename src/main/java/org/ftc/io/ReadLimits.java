package org.ftc.io;

/**
 * Guards against abusive input (spec/protocol.md, section 2): a number text longer than
 * {@code maxNumberLength} characters, or with a decimal or binary exponent beyond
 * {@code ±maxExponent}, is refused before it is parsed; JSON nested deeper than {@code maxDepth}
 * and documents longer than {@code maxBytes} are refused too.
 */
public record ReadLimits(int maxNumberLength, int maxExponent, int maxDepth, long maxBytes) {
    /** Numbers of 10,000 characters, exponents of ±10,000, nesting 64 deep, documents of 256 MiB. */
    public static final ReadLimits DEFAULT = new ReadLimits(10_000, 10_000, 64, 256L << 20);

    public ReadLimits {
        if (maxNumberLength < 1) throw new IllegalArgumentException("maxNumberLength must be at least 1, got " + maxNumberLength);
        if (maxExponent < 0) throw new IllegalArgumentException("maxExponent must be non-negative, got " + maxExponent);
        if (maxDepth < 8) throw new IllegalArgumentException("maxDepth must be at least 8 (the formats nest 7 deep), got " + maxDepth);
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
    }

    public ReadLimits withMaxNumberLength(int length) {
        return new ReadLimits(length, maxExponent, maxDepth, maxBytes);
    }

    public ReadLimits withMaxBytes(long bytes) {
        return new ReadLimits(maxNumberLength, maxExponent, maxDepth, bytes);
    }
}
