#!/usr/bin/env python3
"""Crashes when every sample changes: "the untouched samples" is empty and its min() raises."""
import bug
import json
import sys
from fractions import Fraction

h = bug.hats
correct_hats = h.hats


def hats(inst, neighbour_rule=h.neighbours):
    changed = {c['index'] for c in inst['changes']}
    untouched = [i for i in range(len(inst['samples'])) if i not in changed]
    first_untouched = min(untouched)  # the bug: raises ValueError when every sample changes
    del first_untouched
    return correct_hats(inst, neighbour_rule)


h.hats = hats
bug.run()
