#!/usr/bin/env python3
"""Forgot f: g interpolates the new labels themselves instead of label - f(x)."""
import bug
from fractions import Fraction

h = bug.hats


def residual_points(inst):
    samples = [tuple(h.num(c) for c in x) for x in inst['samples']]
    labels = {c['index']: h.num(c['label']) for c in inst['changes']}
    value = {}
    for i, x in enumerate(samples):
        r = labels.get(i, Fraction(0))  # the bug: f(x) is not subtracted
        if x in value and value[x] != r:
            return None
        value[x] = r
    return value


h.residual_points = residual_points
bug.run()
