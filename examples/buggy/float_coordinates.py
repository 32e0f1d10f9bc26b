#!/usr/bin/env python3
"""Float rounding of coordinates: samples are read as floats (as numpy would), then used exactly.

A coordinate that is not a double (a large integer beyond 2^53, or 1/3) moves a little, so the
hat is placed at the wrong point and misses its sample.
"""
import bug
from fractions import Fraction

h = bug.hats
exact_num = h.num


def float_coordinates(inst):
    for x in inst['samples']:
        for j, c in enumerate(x):
            x[j] = Fraction(float(exact_num(c)))  # the bug: float() rounds
    return inst


correct_hats = h.hats


def hats(inst, neighbour_rule=h.neighbours):
    return correct_hats(float_coordinates(inst), neighbour_rule)


h.hats = hats
bug.run()
