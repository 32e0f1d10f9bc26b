#!/usr/bin/env python3
"""Wrong neighbour: a hat's left end is the sample two places to the left, not the next one.

The hat of the sample at sorted position k >= 2 then spans the sample at k - 1 and adds to it.
"""
import bug


def two_back(order, values, k):
    c = order[k][0]
    left = order[k - 2][0] if k > 1 else (order[k - 1][0] if k > 0 else c - 1)
    right = order[k + 1][0] if k + 1 < len(order) else c + 1
    return left, right


bug.run(two_back)
