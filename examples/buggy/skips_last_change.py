#!/usr/bin/env python3
"""Skips the last changed sample: the loop over the sorted samples stops one changed sample early."""
import bug

h = bug.hats
correct_hats = h.hats


def hats(inst, neighbour_rule=h.neighbours):
    d, rows, biases, out = correct_hats(inst, neighbour_rule)
    # each changed sample with a nonzero residual adds 3 units, in sorted order: drop the last 3
    return d, rows[:-3], biases[:-3], out[:-3]


h.hats = hats
bug.run()
