#!/usr/bin/env python3
"""One neuron too many: an idle unit (all weights 0) is always added, so g has 3N + 1 neurons."""
import bug
from fractions import Fraction

h = bug.hats
correct_hats = h.hats


def hats(inst, neighbour_rule=h.neighbours):
    d, rows, biases, out = correct_hats(inst, neighbour_rule)
    return d, rows + [[Fraction(0)] * d], biases + [Fraction(0)], out + [Fraction(0)]


h.hats = hats
bug.run()
