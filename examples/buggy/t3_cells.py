#!/usr/bin/env python3
"""A 3-layer cell construction in exact arithmetic (correct; cell_boundary.py plants a bug in it).

The idea of T3U (proofs-notes/T3U-cells.md), simplified: project and sort the samples as
../t2u_correct.py does, write g on the line as the sum of that file's hats (a hat of an active
sample c is three ramps relu(t - p) at its neighbours l, rho and at c, and is 0 at every other
sample), and split the A active samples into M consecutive groups (cells). The first layer has
relu(t - t_0 + 1) and two units relu(t - alpha), relu(t - beta) per cut, the zone [alpha, beta]
being the middle third of the gap right after the last active sample of the left cell, so no
sample lies in a zone. On each cell every first-layer unit is affine, and the second layer turns
them into that cell's own ramps (unit k gets one affine function per cell; the weights on the two
zone units of a cut change it from one cell's to the next's). A second-layer unit carries output
weight +1 or -1 and is shared by the cells: m2 = max P_c + max Q_c <= 4 ceil(A/M) (a hat has two
ramps of one sign and one of the other), m1 = 2M - 1, and M minimises 2M - 1 + 4 ceil(A/M), so
g stays within the protocol's B3(N). One process per instance, or --line for the gate's line mode.
"""
import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import t2u_correct as base  # noqa: E402


def cut_gap(order, left_last, right_first):
    """Index j of the gap (t_j, t_j+1) that holds the cut between two cells: right after the left cell's last active sample."""
    return left_last


def cells(active, m):
    """M consecutive groups of the active sorted positions, sizes ceil(A/M) first, then floor(A/M)."""
    q, extra = divmod(len(active), m)
    out, at = [], 0
    for c in range(m):
        size = q + (1 if c < extra else 0)
        out.append(active[at:at + size])
        at += size
    return out


def ramps(order, k):
    """The hat of sorted position k as (weight, knot) pairs: sum of weight * relu(t - knot)."""
    c, r = order[k]
    left = order[k - 1][0] if k > 0 else c - 1
    right = order[k + 1][0] if k + 1 < len(order) else c + 1
    a, a2 = r / (c - left), r / (right - c)
    return [(a, left), (-(a + a2), c), (a2, right)]


def construct(inst, gap_rule=cut_gap):
    value = base.residual_points(inst)
    if value is None:
        raise base.Infeasible('two equal samples need different outputs')
    d = base.dimension(inst)
    points = list(value)
    if not points:
        return d, [], [], [], [], []
    u, ts = base.projection(points, d)
    order = sorted((t, value[p]) for t, p in zip(ts, points))
    active = [k for k, (_, r) in enumerate(order) if r != 0]
    if not active:
        return d, [], [], [], [], []
    n = len(active)
    m = min(range(1, n + 1), key=lambda mm: 2 * mm - 1 + 4 * -(-n // mm))  # 2M - 1 + 4 ceil(A/M)
    groups = cells(active, m)
    # per cell, its ramps by sign: (A, B) of the unit relu(A t + B), output weight +1 or -1
    pos, neg = [], []
    for g in groups:
        p, q = [], []
        for k in g:
            for w, knot in ramps(order, k):
                (p if w > 0 else q).append((abs(w), -abs(w) * knot))
        pos.append(p)
        neg.append(q)
    max_p, max_q = max(len(p) for p in pos), max(len(q) for q in neg)
    off = (Fraction(0), Fraction(-1))
    # unit k's affine function on each cell
    units = [[p[i] if i < len(p) else off for p in pos] for i in range(max_p)]
    units += [[q[i] if i < len(q) else off for q in neg] for i in range(max_q)]
    t0 = order[0][0]
    zones = []
    for c in range(m - 1):
        j = gap_rule(order, groups[c][-1], groups[c + 1][0])
        lo = order[j][0]
        hi = order[j + 1][0] if j + 1 < len(order) else lo + 1
        zones.append((lo + (hi - lo) / 3, lo + 2 * (hi - lo) / 3))
    first_w = [u for _ in range(2 * m - 1)]
    first_b = [-(t0 - 1)] + [b for alpha, beta in zones for b in (-alpha, -beta)]
    second_w, second_b = [], []
    for fs in units:
        a0, b0 = fs[0]
        row = [a0]
        for c, (alpha, beta) in enumerate(zones):
            da, db = fs[c + 1][0] - fs[c][0], fs[c + 1][1] - fs[c][1]
            row += [(da * beta + db) / (beta - alpha), -(da * alpha + db) / (beta - alpha)]
        second_w.append(row)
        second_b.append(b0 + a0 * (t0 - 1))
    out = [Fraction(1)] * max_p + [Fraction(-1)] * max_q
    return d, first_w, first_b, second_w, second_b, out


def network_json(d, first_w, first_b, second_w, second_b, out):
    s = str
    return {"format": "ftc-network", "version": 1, "input_dimension": d,
            "layers": [{"weights": [[s(w) for w in row] for row in first_w], "biases": [s(b) for b in first_b]},
                       {"weights": [[s(w) for w in row] for row in second_w], "biases": [s(b) for b in second_b]},
                       {"weights": [[s(w) for w in out]], "biases": ["0"]}]}


def answer(line, gap_rule):
    doc = {"format": "ftc-answer", "version": 1}
    try:
        inst = json.loads(line, parse_float=Fraction, parse_int=int)
        if 'id' in inst:
            doc['instance'] = inst['id']
        if inst['depth'] != 3:
            doc['status'] = 'unsupported'
            return json.dumps(doc, separators=(',', ':'))
        doc['network'] = network_json(*construct(inst, gap_rule))
        doc['status'] = 'network'
    except base.Infeasible as e:
        doc['status'] = 'infeasible'
        doc['message'] = str(e)
    except Exception as e:  # noqa: BLE001 -- any failure is reported, not fatal
        doc.pop('network', None)
        doc['status'] = 'error'
        doc['message'] = '%s: %s' % (type(e).__name__, e)
    return json.dumps(doc, separators=(',', ':'))


def main(gap_rule=cut_gap):
    if sys.argv[1:] == ['--line']:
        while True:
            line = sys.stdin.readline()
            if not line:
                return
            sys.stdout.write(answer(line, gap_rule) + '\n')
            sys.stdout.flush()
    inst = base.load(sys.stdin)
    if inst['depth'] != 3:
        print('only depth 3 is implemented', file=sys.stderr)
        sys.exit(4)
    try:
        g = network_json(*construct(inst, gap_rule))
    except base.Infeasible as e:
        print('infeasible: %s' % e, file=sys.stderr)
        sys.exit(3)
    json.dump(g, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
