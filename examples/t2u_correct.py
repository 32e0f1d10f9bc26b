#!/usr/bin/env python3
"""T2U in exact arithmetic: read an ftc-instance on stdin, write an ftc-network on stdout.

A 2-layer g with at most 3N neurons (proofs-notes/T2U-hats.md):
project the distinct samples to t = u . x with u = (1, T, T^2, ...) chosen so all t differ,
sort, and for every sample whose residual r = label - f(x) is nonzero add the hat
  a relu(t - l) - (a + a') relu(t - c) + a' relu(t - rho),  a = r/(c - l), a' = r/(rho - c),
where l and rho are the neighbouring projections (a virtual neighbour at distance 1 at the ends).
A hat is r at c and 0 at every other sample. Exit status 3 when two equal samples need different
outputs (the instance is infeasible). Standard library only; every number is a Fraction.

With --line it serves the gate's line mode (docs/gate.md): one compact ftc-instance per input
line, one ftc-answer per output line ("network", "infeasible" or "error"), until end of input.
"""
import json
import re
import sys
from fractions import Fraction

HEX = re.compile(r'^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?\d+))?$')


def num(v):
    """An exact number from the protocol's string forms (or a bare JSON number's text)."""
    if isinstance(v, (int, Fraction)):
        return Fraction(v)
    s = str(v)
    m = HEX.match(s)
    if m:
        sign, whole, frac, exp = m.groups()
        mant = int((whole or '0') + frac, 16)
        value = Fraction(mant) * Fraction(2) ** (int(exp or 0) - 4 * len(frac))
        return -value if sign == '-' else value
    return Fraction(s)


def load(stream):
    # Bare JSON numbers keep their text: parse_float gets the string, never a float.
    return json.loads(stream.read(), parse_float=Fraction, parse_int=int)


def read_network(doc):
    layers = [([[num(w) for w in row] for row in layer['weights']], [num(b) for b in layer['biases']])
              for layer in doc['layers']]
    return doc['input_dimension'], layers


def evaluate(layers, x):
    h = list(x)
    for i, (w, b) in enumerate(layers):
        z = [sum((wij * hj for wij, hj in zip(row, h)), bi) for row, bi in zip(w, b)]
        h = z if i == len(layers) - 1 else [max(zi, 0) for zi in z]
    return h[0]


def residual_points(inst):
    """Distinct points with the value g must take there; None when the instance is infeasible."""
    samples = [tuple(num(c) for c in x) for x in inst['samples']]
    pre = inst.get('pretrained')
    layers = read_network(pre)[1] if pre else None
    labels = {c['index']: num(c['label']) for c in inst['changes']}
    value = {}
    for i, x in enumerate(samples):
        r = labels[i] - evaluate(layers, x) if (i in labels and layers) else labels.get(i, Fraction(0))
        if x in value and value[x] != r:
            return None
        value[x] = r
    return value


def dimension(inst):
    if inst['samples']:
        return len(inst['samples'][0])
    if inst.get('pretrained'):
        return inst['pretrained']['input_dimension']
    return inst.get('input_dimension', 1)


def projection(points, d):
    """u = (1, T, ..., T^(d-1)) for the first T = 1, 2, ... giving distinct t = u . x."""
    T = 1
    while True:
        u = [Fraction(T) ** j for j in range(d)]
        ts = [sum(ui * xi for ui, xi in zip(u, x)) for x in points]
        if len(set(ts)) == len(ts):
            return u, ts
        T += 1


def neighbours(order, values, k):
    """Projections left and right of sorted position k (virtual at distance 1 at the ends)."""
    c = order[k][0]
    left = order[k - 1][0] if k > 0 else c - 1
    right = order[k + 1][0] if k + 1 < len(order) else c + 1
    return left, right


class Infeasible(Exception):
    pass


def hats(inst, neighbour_rule=neighbours):
    value = residual_points(inst)
    if value is None:
        raise Infeasible('two equal samples need different outputs')
    d = dimension(inst)
    points = list(value)
    u, ts = projection(points, d)
    order = sorted((t, value[p]) for t, p in zip(ts, points))
    rows, biases, out = [], [], []
    for k, (c, r) in enumerate(order):
        if r == 0:
            continue
        left, right = neighbour_rule(order, value, k)
        a, a2 = r / (c - left), r / (right - c)
        for position, weight in ((left, a), (c, -(a + a2)), (right, a2)):
            rows.append(u)
            biases.append(-position)
            out.append(weight)
    return d, rows, biases, out


def network_json(d, rows, biases, out, text=str):
    return {"format": "ftc-network", "version": 1, "input_dimension": d,
            "layers": [{"weights": [[text(w) for w in row] for row in rows], "biases": [text(b) for b in biases]},
                       {"weights": [[text(w) for w in out]], "biases": [text(0)]}]}


def answer(line, neighbour_rule=neighbours):
    """The ftc-answer for one instance line; a failure becomes status "error", the process lives on."""
    doc = {"format": "ftc-answer", "version": 1}
    try:
        inst = json.loads(line, parse_float=Fraction, parse_int=int)
        if 'id' in inst:
            doc['instance'] = inst['id']  # echoed so the gate can tell answers apart
        if inst['depth'] != 2:
            raise ValueError('only depth 2 is implemented')
        doc['network'] = network_json(*hats(inst, neighbour_rule))
        doc['status'] = 'network'
    except Infeasible as e:
        doc['status'] = 'infeasible'
        doc['message'] = str(e)
    except Exception as e:  # noqa: BLE001 -- any failure is reported, not fatal
        doc.pop('network', None)
        doc['status'] = 'error'
        doc['message'] = '%s: %s' % (type(e).__name__, e)
    # json.dumps escapes newlines inside strings, so the answer is exactly one line.
    return json.dumps(doc, separators=(',', ':'))


def serve_lines(neighbour_rule=neighbours):
    while True:
        line = sys.stdin.readline()  # returns as soon as a line is there (no read-ahead)
        if not line:
            return
        sys.stdout.write(answer(line, neighbour_rule) + '\n')
        sys.stdout.flush()


def main(neighbour_rule=neighbours):
    if sys.argv[1:] == ['--line']:
        serve_lines(neighbour_rule)
        return
    if sys.argv[1:]:
        print('usage: %s [--line]' % sys.argv[0], file=sys.stderr)
        sys.exit(2)
    inst = load(sys.stdin)
    if inst['depth'] != 2:
        print('only depth 2 is implemented', file=sys.stderr)
        sys.exit(4)
    try:
        g = network_json(*hats(inst, neighbour_rule))
    except Infeasible as e:
        print('infeasible: %s' % e, file=sys.stderr)
        sys.exit(3)
    json.dump(g, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
