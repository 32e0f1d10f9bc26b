#!/usr/bin/env python3
"""Infeasible for a feasible instance: repeated samples are detected by their first coordinate only.

Two different samples with the same first coordinate that need different outputs are taken for one
sample with two demands, and the answer is "infeasible" (exit 3).
"""
import bug
from fractions import Fraction

h = bug.hats
correct_residuals = h.residual_points


def residual_points(inst):
    value = correct_residuals(inst)
    if value is None:
        return None
    by_first = {}
    for x, r in value.items():
        if x[0] in by_first and by_first[x[0]] != r:  # the bug: x[0] instead of x
            return None
        by_first[x[0]] = r
    return value


h.residual_points = residual_points
bug.run()
