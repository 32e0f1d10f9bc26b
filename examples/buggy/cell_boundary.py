#!/usr/bin/env python3
"""3-layer cell-boundary mistake: the cut between two cells goes into the gap right after the right
cell's first active sample instead of right after the left cell's last one (t3_cells.py, correct).

That sample then lies left of the zone, in the left cell, whose ramps are 0 there: g misses its
residual. It happens whenever there are two cells, i.e. two or more active samples.
"""
import t3_cells


def one_gap_too_far(order, left_last, right_first):
    return right_first  # the bug: should be left_last


t3_cells.main(one_gap_too_far)
