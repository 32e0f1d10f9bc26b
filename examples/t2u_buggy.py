#!/usr/bin/env python3
"""T2U with a planted, subtle bug (for the gate to find and shrink).

Identical to t2u_correct.py except for the neighbours of a hat: this one takes the nearest
*untouched* sample (residual 0) on each side, skipping changed ones, "so that a hat never ends on
a point that moves". It is right whenever no two changed samples are adjacent in the projected
order, and wrong when they are: the hat of one then spans its changed neighbour and adds to it.
With --line it serves the gate's line mode, like t2u_correct.py.
"""
import t2u_correct


def untouched_neighbours(order, values, k):
    c = order[k][0]
    left = next((t for t, r in reversed(order[:k]) if r == 0), c - 1)
    right = next((t for t, r in order[k + 1:] if r == 0), c + 1)
    return left, right


if __name__ == '__main__':
    t2u_correct.main(untouched_neighbours)
