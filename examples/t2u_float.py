#!/usr/bin/env python3
"""T2U in binary64 floating point: the same hats as t2u_correct.py, computed in float.

Weights are written as hexadecimal floating literals (float.hex), so they reach the gate
bit-exactly; the gate reads them exactly and measures the error exactly. Rounding in the
projection, the residuals and the slopes makes f + g miss by tiny amounts: the exact gate says
wrong-value, the gate with a tolerance (say 1e-9) says pass.
"""
import json
import sys

import t2u_correct as exact


def main():
    inst = exact.load(sys.stdin)
    if inst['depth'] != 2:
        print('only depth 2 is implemented', file=sys.stderr)
        sys.exit(4)
    # Decide feasibility and find the direction exactly (a float projection may tie), then do
    # every number of the construction in float.
    value = exact.residual_points(inst)
    if value is None:
        sys.exit(3)
    d = exact.dimension(inst)
    samples = [[float(exact.num(c)) for c in x] for x in inst['samples']]
    pre = inst.get('pretrained')
    layers = None
    if pre:
        layers = [([[float(exact.num(w)) for w in row] for row in layer['weights']], [float(exact.num(b)) for b in layer['biases']])
                  for layer in pre['layers']]
    labels = {c['index']: float(exact.num(c['label'])) for c in inst['changes']}
    u_exact, _ = exact.projection(list(value), d)
    u = [float(ui) for ui in u_exact]
    seen = {}
    for i, x in enumerate(samples):
        r = labels[i] - (exact.evaluate(layers, x) if layers else 0.0) if i in labels else 0.0
        seen.setdefault(tuple(x), r)
    order = sorted((sum(ui * xi for ui, xi in zip(u, x)), r) for x, r in seen.items())
    rows, biases, out = [], [], []
    for k, (c, r) in enumerate(order):
        if r == 0:
            continue
        left = order[k - 1][0] if k > 0 else c - 1.0
        right = order[k + 1][0] if k + 1 < len(order) else c + 1.0
        a, a2 = r / (c - left), r / (right - c)
        for position, weight in ((left, a), (c, -(a + a2)), (right, a2)):
            rows.append(u)
            biases.append(-position)
            out.append(weight)
    json.dump(exact.network_json(d, rows, biases, out, text=lambda v: float(v).hex()), sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
