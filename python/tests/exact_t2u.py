"""T2U in exact arithmetic on the ftc package (for the gate round trip test): g's weights are Fractions."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from fractions import Fraction

import ftc
from ftc import Layer, Network


def construct(instance):
    points = instance.residuals()             # raises ftc.Infeasible on conflicting repeats
    d = instance.dimension
    T = 1
    while True:
        u = [Fraction(T) ** j for j in range(d)]
        ts = [sum(a * b for a, b in zip(u, x)) for x, _ in points]
        if len(set(ts)) == len(ts):
            break
        T += 1
    order = sorted(zip(ts, (r for _, r in points)))
    rows, biases, out = [], [], []
    for k, (c, r) in enumerate(order):
        if r == 0:
            continue
        left = order[k - 1][0] if k > 0 else c - 1
        right = order[k + 1][0] if k + 1 < len(order) else c + 1
        a, a2 = r / (c - left), r / (right - c)
        for position, weight in ((left, a), (c, -(a + a2)), (right, a2)):
            rows.append(u)
            biases.append(-position)
            out.append(weight)
    return Network(d, [Layer(rows, biases), Layer([out], [0])])


if __name__ == '__main__':
    ftc.serve(construct, depths={2})
