package org.ftc.construct;

/**
 * One cell of the T3U construction: the consecutive sorted sample positions {@code first..last}
 * (inclusive) and the number of second-layer units its target function needs with output weight
 * {@code +1} ({@code positive}) and {@code -1} ({@code negative}). See proofs-notes/T3U-cells.md.
 *
 * @param first    sorted index of the cell's first sample
 * @param last     sorted index of the cell's last sample
 * @param active   number of active samples (nonzero residual) in the cell
 * @param positive {@code P_c}: ramps with output weight {@code +1}
 * @param negative {@code Q_c}: ramps with output weight {@code -1}
 */
public record Cell(int first, int last, int active, int positive, int negative) {
    public Cell {
        if (first < 0 || last < first) throw new IllegalArgumentException("a cell needs 0 <= first <= last, got " + first + ".." + last);
        if (active < 0 || positive < 0 || negative < 0) throw new IllegalArgumentException("negative count in cell " + first + ".." + last);
    }
}
