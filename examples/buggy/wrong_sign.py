#!/usr/bin/env python3
"""Wrong sign: the right slope of a hat is r / (c - rho) instead of r / (rho - c)."""
import bug

h = bug.hats


def hats(inst, neighbour_rule=h.neighbours):
    value = h.residual_points(inst)
    if value is None:
        raise h.Infeasible('two equal samples need different outputs')
    d = h.dimension(inst)
    points = list(value)
    u, ts = h.projection(points, d)
    order = sorted((t, value[p]) for t, p in zip(ts, points))
    rows, biases, out = [], [], []
    for k, (c, r) in enumerate(order):
        if r == 0:
            continue
        left, right = neighbour_rule(order, value, k)
        a, a2 = r / (c - left), r / (c - right)  # the bug: the sign of the right slope
        for position, weight in ((left, a), (c, -(a + a2)), (right, a2)):
            rows.append(u)
            biases.append(-position)
            out.append(weight)
    return d, rows, biases, out


h.hats = hats
bug.run()
