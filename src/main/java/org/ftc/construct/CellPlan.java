package org.ftc.construct;

import java.util.List;

/**
 * The combinatorial part of a T3U construction: the cells (consecutive sorted samples, covering
 * all of them) and the widths they imply, {@code m1 = 2M - 1} and
 * {@code m2 = max_c P_c + max_c Q_c}. An empty plan ({@code M = 0}) is the zero network.
 *
 * @param cells the cells in increasing order; cell {@code c+1} starts right after cell {@code c}
 */
public record CellPlan(List<Cell> cells) {
    public CellPlan {
        cells = List.copyOf(cells);
        for (int c = 1; c < cells.size(); c++) {
            if (cells.get(c).first() != cells.get(c - 1).last() + 1) {
                throw new IllegalArgumentException("cells " + (c - 1) + " and " + c + " are not consecutive");
            }
        }
    }

    public static CellPlan empty() {
        return new CellPlan(List.of());
    }

    /** {@code M}. */
    public int cellCount() {
        return cells.size();
    }

    public int m1() {
        return cells.isEmpty() ? 0 : 2 * cells.size() - 1;
    }

    public int maxPositive() {
        int p = 0;
        for (Cell c : cells) p = Math.max(p, c.positive());
        return p;
    }

    public int maxNegative() {
        int q = 0;
        for (Cell c : cells) q = Math.max(q, c.negative());
        return q;
    }

    public int m2() {
        return maxPositive() + maxNegative();
    }

    public int neurons() {
        return m1() + m2();
    }

    /** The largest number of active samples in one cell. */
    public int maxActive() {
        int a = 0;
        for (Cell c : cells) a = Math.max(a, c.active());
        return a;
    }

    @Override
    public String toString() {
        return "CellPlan[M=" + cellCount() + ", m1=" + m1() + ", m2=" + m2() + " (" + maxPositive() + "+" + maxNegative() + "), cells=" + cells + "]";
    }
}
