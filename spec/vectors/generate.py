#!/usr/bin/env python3
"""Writes judge.json and construct.json (spec/vectors.md), deriving every expected value here.

Python 3 standard library only, independent of the Java suite: its own exact number reader
(fractions.Fraction), network evaluation, residuals and merging, T2U knot counting, budgets, a
strict reader of answers and the verdict rules of spec/protocol.md section 6.5. Every case also
states its intended result by hand (`want=`); the script stops if its own computation disagrees.

    python3 spec/vectors/generate.py      # rewrites spec/vectors/judge.json and construct.json
"""
import json
import math
import os
import re
import sys
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_LEN, MAX_EXP = 10_000, 10_000
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(100_000)

# ---------------------------------------------------------------- numbers (spec/protocol.md, 2)
INTEGER = re.compile(r'[+-]?[0-9]+\Z')
FRACTION = re.compile(r'([+-]?[0-9]+)/([0-9]+)\Z')
DECIMAL = re.compile(r'([+-]?)([0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE]([+-]?[0-9]+))?\Z')
HEX = re.compile(r'([+-]?)0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP]([+-]?[0-9]+))?\Z')


class Bad(Exception):
    """A document a strict reader refuses."""


def exponent(text):
    if text is None:
        return 0
    digits = text.lstrip('+-').lstrip('0') or '0'
    if len(digits) > 9 or int(digits) > MAX_EXP:
        raise Bad('exponent beyond the limit')
    return -int(digits) if text.startswith('-') else int(digits)


def number(v):
    if isinstance(v, bool) or not isinstance(v, (str, int, F)):
        raise Bad('expected a number string')
    if isinstance(v, (int, F)):
        return F(v)
    s = v
    if len(s) > MAX_LEN:
        raise Bad('number too long')
    if INTEGER.match(s):
        return F(int(s))
    m = FRACTION.match(s)
    if m:
        if int(m.group(2)) == 0:
            raise Bad('zero denominator')
        return F(int(m.group(1)), int(m.group(2)))
    m = HEX.match(s)
    if m:
        sign, mant, exp = m.groups()
        e = exponent(exp)
        whole, _, frac = mant.partition('.')
        value = F(int((whole or '0') + frac, 16)) * F(2) ** (e - 4 * len(frac))
        return -value if sign == '-' else value
    m = DECIMAL.match(s)
    if m:
        sign, mant, exp = m.groups()
        e = exponent(exp)
        whole, _, frac = mant.partition('.')
        value = F(int((whole or '0') + frac)) * F(10) ** (e - len(frac))
        return -value if sign == '-' else value
    raise Bad('not a number')


class Bare(str):
    """The source text of a bare JSON number (never a float)."""


def load_strict(text):
    """JSON with duplicate keys refused and bare numbers kept as their text."""
    def pairs(items):
        out = {}
        for k, v in items:
            if k in out:
                raise Bad('duplicate key')
            out[k] = v
        return out
    try:
        return json.loads(text, object_pairs_hook=pairs, parse_float=Bare, parse_int=Bare,
                          parse_constant=lambda c: (_ for _ in ()).throw(Bad(c)))
    except ValueError as e:
        raise Bad(str(e))


def is_int(v):
    """A JSON integer: a bare number without fraction or exponent (or a Python int when built here)."""
    if isinstance(v, Bare):
        return INTEGER.match(v) is not None
    return isinstance(v, int) and not isinstance(v, bool)


def fields(obj, allowed):
    if not isinstance(obj, dict):
        raise Bad('expected an object')
    for k in obj:
        if k not in allowed and not k.startswith('x-'):
            raise Bad('unknown field ' + k)


def header(obj, name, required):
    if required or 'format' in obj or 'version' in obj:
        if obj.get('format') != name:
            raise Bad('format')
        if not (is_int(obj.get('version')) and int(obj['version']) == 1):
            raise Bad('version')


def read_network(obj, top=True):
    """(d, [(W, b)]) from an ftc-network object, strictly (spec/protocol.md, 4)."""
    fields(obj, {'format', 'version', 'input_dimension', 'layers'})
    header(obj, 'ftc-network', top)
    d = obj.get('input_dimension')
    if not is_int(d) or int(d) < 1:
        raise Bad('input_dimension')
    layers = obj.get('layers')
    if not isinstance(layers, list) or not layers:
        raise Bad('layers')
    width, out = int(d), []
    for i, layer in enumerate(layers):
        fields(layer, {'weights', 'biases'})
        w, b = layer.get('weights'), layer.get('biases')
        if not isinstance(w, list) or not isinstance(b, list):
            raise Bad('weights/biases')
        rows = []
        for row in w:
            if not isinstance(row, list) or len(row) != width:
                raise Bad('row length')
            rows.append([number(x) for x in row])
        if len(b) != len(rows):
            raise Bad('bias count')
        if i == len(layers) - 1 and len(rows) != 1:
            raise Bad('one output')
        out.append((rows, [number(x) for x in b]))
        width = len(rows)
    return int(d), out


def evaluate(layers, x):
    h = list(x)
    for i, (w, b) in enumerate(layers):
        z = [sum((wij * hj for wij, hj in zip(row, h)), bi) for row, bi in zip(w, b)]
        h = z if i == len(layers) - 1 else [max(zi, F(0)) for zi in z]
    return h[0]


def neurons(layers):
    return sum(len(w) for w, _ in layers[:-1])


# ---------------------------------------------------------------- instances (spec/protocol.md, 5)
class Instance:
    def __init__(self, doc):
        self.doc = doc
        self.samples = [tuple(number(c) for c in x) for x in doc['samples']]
        pre = doc.get('pretrained')
        if self.samples:
            self.d = len(self.samples[0])
        elif pre:
            self.d = int(pre['input_dimension'])
        else:
            self.d = int(doc.get('input_dimension', 1))
        self.f = read_network(pre, top=False)[1] if pre else None
        self.changes = {int(c['index']): number(c['label']) for c in doc['changes']}
        self.depth = int(doc['depth'])
        self.id = doc.get('id') or ''

    def f_at(self, x):
        return evaluate(self.f, x) if self.f else F(0)

    def target(self, i):
        return self.changes[i] if i in self.changes else self.f_at(self.samples[i])

    def points(self):
        """{point: residual} after merging, or None when infeasible."""
        value = {}
        for i, x in enumerate(self.samples):
            r = self.changes[i] - self.f_at(x) if i in self.changes else F(0)
            if x in value and value[x] != r:
                return None
            value[x] = r
        return value

    @property
    def n(self):
        return len(self.changes)


def b2(n):
    return 3 * n


def b3(n):
    return 0 if n == 0 else min(2 * m - 1 + 4 * (-(-n // m)) for m in range(1, n + 1))


def projection(points, d):
    """PROJ: u = (1, T, ..., T^(d-1)) for the first T = 1, 2, ..., 64 with distinct t = u . x."""
    for T in range(1, 65):
        u = [F(T) ** j for j in range(d)]
        ts = [sum(a * b for a, b in zip(u, p)) for p in points]
        if len(set(ts)) == len(ts):
            return u, ts
    raise SystemExit('a vector needs the fallback direction: choose other samples')


def hat_knots(inst):
    """The knots (t, c_t != 0) of T2U's G (proofs-notes/T2U-hats.md), and u."""
    value = inst.points()
    pts = list(value)
    u, ts = projection(pts, inst.d)
    order = sorted(zip(ts, (value[p] for p in pts)))
    n = len(order)
    knots = []  # (t, value), in increasing t, neighbours listed once
    k = 0
    while k < n:
        if order[k][1] == 0:
            k += 1
            continue
        a = k
        while k < n and order[k][1] != 0:
            k += 1
        b = k - 1
        left = order[a - 1][0] if a > 0 else order[a][0] - 1
        right = order[b + 1][0] if b + 1 < n else order[b][0] + 1
        if not knots or knots[-1][0] != left:
            knots.append((left, F(0)))
        knots.extend(order[a:b + 1])
        knots.append((right, F(0)))
    out = []
    for i, (t, v) in enumerate(knots):
        left_slope = (v - knots[i - 1][1]) / (t - knots[i - 1][0]) if i > 0 else F(0)
        right_slope = (knots[i + 1][1] - v) / (knots[i + 1][0] - t) if i + 1 < len(knots) else F(0)
        if right_slope != left_slope:
            out.append((t, right_slope - left_slope))
    return out, u


def t2u(inst):
    """T2U's g as an ftc-network object (one unit relu(u . x - t) per knot)."""
    knots, u = hat_knots(inst)
    rows = [[fmt(c) for c in u] for _ in knots]
    return network(inst.d, [(rows, [fmt(-t) for t, _ in knots]), ([[fmt(c) for _, c in knots]], ['0'])])


def fmt(q):
    q = F(q)
    return str(q.numerator) if q.denominator == 1 else '%d/%d' % (q.numerator, q.denominator)


def network(d, layers, top=False):
    doc = {'format': 'ftc-network', 'version': 1} if top else {}
    doc.update({'input_dimension': d, 'layers': [{'weights': w, 'biases': b} for w, b in layers]})
    return doc


def deepen(g):
    """A depth-3 network equal to g: the output z becomes relu(z) - relu(-z) (2 more neurons)."""
    (w1, b1), (w2, b2_) = [(l['weights'], l['biases']) for l in g['layers']]
    neg = [fmt(-number(x)) for x in w2[0]]
    return network(g['input_dimension'], [(w1, b1), ([w2[0], neg], [b2_[0], fmt(-number(b2_[0]))]), ([['1', '-1']], ['0'])])


def zero_net(d, depth):
    if depth == 1:
        return network(d, [([['0'] * d], ['0'])])
    layers = [([], [])] + [([], []) for _ in range(depth - 2)] + [([[]], ['0'])]
    return network(d, layers)


# ---------------------------------------------------------------- the judge (spec/protocol.md, 6.5)
def budget_of(rule, depth, n):
    if rule == 'none':
        return None
    if rule == 'default':
        return b2(n) if depth == 2 else b3(n) if depth == 3 else None
    if re.fullmatch(r'[0-9]+', rule):
        return int(rule)
    m = re.fullmatch(r'(?:([0-9]+)\*?)?N(?:\+([0-9]+))?', rule)
    return int(m.group(1) or 1) * n + int(m.group(2) or 0)


def judge_network(inst, g, rule, tol):
    try:
        d, layers = read_network(g, top=False) if isinstance(g, dict) else g
    except Bad:
        return 'bad-output', []
    if d != inst.d or len(layers) != inst.depth:
        return 'bad-output', []
    failing = [i for i, x in enumerate(inst.samples) if abs(inst.f_at(x) + evaluate(layers, x) - inst.target(i)) > tol]
    if failing:
        return 'wrong-value', failing
    b = budget_of(rule, inst.depth, inst.n)
    if b is not None and neurons(layers) > b:
        return 'over-budget', []
    return 'pass', []


def judge(inst, case):
    rule, tol = case.get('budget', 'default'), number(case.get('tolerance', '0'))
    infeasible = inst.points() is None
    if 'outcome' in case:
        return ('timeout' if case['outcome'] == 'timeout' else 'crash'), []
    if 'process' in case:
        status = case['process']['exit_status']
        if status == 3:
            return ('pass' if infeasible else 'false-infeasible'), []
        if status == 4:
            return 'unsupported', []
        if status != 0:
            return 'crash', []
        if infeasible:
            return 'missed-infeasible', []
        try:
            doc = load_strict(case['process']['stdout'])
            d, layers = read_network(doc, top=True)
        except Bad:
            return 'bad-output', []
        return judge_network(inst, (d, layers), rule, tol)
    line = case['answer_line'] if 'answer_line' in case else json.dumps(case['answer'], separators=(',', ':'))
    try:
        a = read_answer(line)
    except Bad:
        return 'bad-output', []
    if 'instance' in a and a['instance'] != inst.id:
        return 'bad-output', []
    if a['status'] == 'error':
        return 'crash', []
    if a['status'] == 'infeasible':
        return ('pass' if infeasible else 'false-infeasible'), []
    if a['status'] == 'unsupported':
        return 'unsupported', []
    if infeasible:
        return 'missed-infeasible', []
    return judge_network(inst, read_network(a['network'], top=False), rule, tol)


def read_answer(line):
    """An ftc-answer line, strictly (spec/protocol.md, 6.3); raises Bad."""
    a = load_strict(line)
    fields(a, {'format', 'version', 'instance', 'status', 'network', 'message'})
    header(a, 'ftc-answer', True)
    if a.get('status') not in ('network', 'infeasible', 'unsupported', 'error'):
        raise Bad('status')
    if ('network' in a) != (a['status'] == 'network'):
        raise Bad('network goes with status network')
    if 'instance' in a and not isinstance(a['instance'], str):
        raise Bad('instance')
    if 'message' in a and not isinstance(a['message'], str):
        raise Bad('message')
    if 'network' in a:
        read_network(a['network'], top=False)
    return a


# ---------------------------------------------------------------- building blocks
def inst(samples, changes, depth=2, pretrained=None, id=None, **extra):
    doc = {'format': 'ftc-instance', 'version': 1}
    if id:
        doc['id'] = id
    doc['samples'] = [[s if isinstance(s, str) else fmt(s) for s in x] for x in samples]
    if pretrained is not None:
        doc['pretrained'] = pretrained
    doc['changes'] = [{'index': i, 'label': y if isinstance(y, str) else fmt(y)} for i, y in changes]
    doc['depth'] = depth
    doc.update(extra)
    return doc


def line1(*xs):
    return [[x] for x in xs]


def t2l(n):
    """The T2L pattern u u c (u u c)^(n-1) u u on 0..3n+1, residual signs alternating (f = 0)."""
    k = 3 * n + 2
    changed = [3 * j + 2 for j in range(n)]
    return line1(*range(k)), [(c, (-1) ** j) for j, c in enumerate(changed)]


F_LINE = network(1, [([['1']], ['0'])])                                     # f(x) = x
F_SUM = network(2, [([['1', '1']], ['0'])])                                 # f(x) = x1 + x2
F_RELU = network(1, [([['1'], ['-1']], ['0', '0']), ([['1', '1']], ['-1'])])  # f(x) = |x| - 1
F_DEEP = network(2, [([['1', '0'], ['0', '1']], ['0', '-1']),                # two hidden layers
                     ([['1', '1'], ['1', '-1']], ['0', '0']),
                     ([['2', '-1']], ['1/2'])])

JUDGE_FLAGS = {
    'shared-neighbour': 'two runs of changed samples share one untouched neighbour',
    'collinear-knot': 'residuals collinear through a knot, which then needs no unit',
    'merged-duplicate': 'a sample repeated with the same demand (merged into one)',
    'conflicting-duplicate': 'equal samples with different demands: the instance is infeasible',
    'zero-residual': 'a changed sample whose label equals f(x): it needs no unit',
    'hex-float': 'numbers written as hex floats (0x1.8p-3)',
    'tiny-gap': 'samples 1e-30 apart',
    't2l-hard': 'the T2L hard instance u u c (u u c)^(N-1) u u with alternating signs: 3N units are necessary',
    'long-number': 'a number of thousands of digits, or one beyond the 10,000-character limit',
    'zero-width-layer': 'a hidden layer of width 0',
    'depth-3': 'depth 3 asked of g',
    'virtual-neighbour': 'an active sample at an end of the projected order (its neighbour is virtual)',
    'no-changes': 'N = 0',
    'bare-number': 'bare JSON numbers, read from their text',
    'x-field': 'x- keys, ignored by every reader',
    'tolerance': 'judged with a declared nonzero tolerance',
    'budget-rule': 'a budget other than the default',
    'pretrained': 'a nonzero pre-trained f: labels are absolute, residuals are label - f(x)',
    'deep-pretrained': 'f with two hidden layers, some units inactive on some samples',
    'multi-dimensional': 'd >= 2: the samples are projected',
    'huge-magnitude': 'magnitudes of 1e30',
    'unreduced-fraction': 'fractions not in lowest terms (-14/6)',
    'negative-output': 'g takes negative values: the last layer has no ReLU',
    'weights-out-in': 'the [out][in] orientation of weights matters (a transposed matrix has the wrong shape)',
    'labels-absolute': 'an answer that treats labels as residuals (wrong when f is not 0)',
    'line-mode': 'the answer is an ftc-answer line',
    'process-mode': 'the answer is an exit status and standard output',
    'malformed-answer': 'the answer line or output is not a valid document',
    'instance-echo': 'the answer echoes the instance id',
}

CONSTRUCT_FLAGS = {k: JUDGE_FLAGS[k] for k in (
    'shared-neighbour', 'collinear-knot', 'merged-duplicate', 'conflicting-duplicate', 'zero-residual', 'hex-float',
    'tiny-gap', 't2l-hard', 'long-number', 'depth-3', 'virtual-neighbour', 'no-changes', 'bare-number', 'x-field',
    'pretrained', 'deep-pretrained', 'multi-dimensional', 'huge-magnitude', 'unreduced-fraction')}
CONSTRUCT_FLAGS['all-changed'] = 'N = K: every sample is changed'
CONSTRUCT_FLAGS['no-samples'] = 'K = 0'


# ---------------------------------------------------------------- judge cases
judge_cases = []


def J(comment, flags, doc, want, **behaviour):
    case = {'id': 'judge-%03d' % (len(judge_cases) + 1), 'comment': comment, 'flags': flags, 'instance': doc}
    case.update(behaviour)
    if 'answer' in case:  # an answer object must be a valid ftc-answer; a malformed one is kept as its line
        try:
            read_answer(json.dumps(case['answer']))
        except Bad:
            case['answer_line'] = json.dumps(case.pop('answer'), separators=(',', ':'))
    kind, failing = judge(Instance(doc), case)
    expected = {'verdict': kind}
    if kind == 'wrong-value':
        expected['failing_samples'] = failing
    if (kind, failing if kind == 'wrong-value' else None) != (want if isinstance(want, tuple) else (want, None)):
        raise SystemExit('%s (%s): computed %s %s, intended %s' % (case['id'], comment, kind, failing, want))
    case['expected'] = expected
    judge_cases.append(case)


def ans(net, status='network', **extra):
    a = {'format': 'ftc-answer', 'version': 1, 'status': status}
    if net is not None:
        a['network'] = net
    a.update(extra)
    return a


def scale_out(g, factor):
    """g with its output weights multiplied by factor."""
    g = json.loads(json.dumps(g))
    g['layers'][-1]['weights'] = [[fmt(number(w) * factor) for w in g['layers'][-1]['weights'][0]]]
    return g


def add_dead_units(g, count):
    """g with `count` extra hidden units of output weight 0."""
    g = json.loads(json.dumps(g))
    d = g['input_dimension']
    g['layers'][0]['weights'] += [['0'] * d for _ in range(count)]
    g['layers'][0]['biases'] += ['0'] * count
    g['layers'][1]['weights'][0] += ['0'] * count
    return g


def as_process(g):
    return {'exit_status': 0, 'stdout': json.dumps(dict({'format': 'ftc-network', 'version': 1}, **g), indent=1)}


one = inst(line1(0, 1, 2, 3, 4), [(2, 5)], id='one-hat')
g_one = t2u(Instance(one))
J('one changed sample in the middle: a hat of 3 units, budget 3', [], one, 'pass', answer=ans(g_one))
J('the same hat in process mode', ['process-mode'], one, 'pass', process=as_process(g_one))
J('the hat echoing the instance id', ['line-mode', 'instance-echo'], one, 'pass', answer=ans(g_one, instance='one-hat'))
J('an echoed id that is not the instance id', ['line-mode', 'instance-echo'], one, 'bad-output', answer=ans(g_one, instance='another'))
J('the hat at half height: sample 2 misses', [], one, ('wrong-value', [2]), answer=ans(scale_out(g_one, F(1, 2))))
J('the hat with one extra dead unit: 4 > 3', [], one, 'over-budget', answer=ans(add_dead_units(g_one, 1)))
J('4 units with budget rule N+1 = 2: over budget', ['budget-rule'], one, 'over-budget', answer=ans(add_dead_units(g_one, 1)), budget='N+1')
J('4 units with budget none', ['budget-rule'], one, 'pass', answer=ans(add_dead_units(g_one, 1)), budget='none')
J('4 units with the constant budget 4', ['budget-rule'], one, 'pass', answer=ans(add_dead_units(g_one, 1)), budget='4')
J('4 units with budget 2N+2', ['budget-rule'], one, 'pass', answer=ans(add_dead_units(g_one, 1)), budget='2N+2')
J('the zero network (width 0) leaves sample 2 at 0', ['zero-width-layer'], one, ('wrong-value', [2]), answer=ans(zero_net(1, 2)))
J('a depth-3 answer when depth 2 was asked', ['depth-3'], one, 'bad-output', answer=ans(deepen(g_one)))
J('a network reading 2 inputs for 1-D samples', [], one, 'bad-output',
  answer=ans(network(2, [([['1', '0']], ['0']), ([['0']], ['0'])])))
J('status infeasible on a feasible instance', ['line-mode'], one, 'false-infeasible', answer=ans(None, 'infeasible'))
J('exit status 3 on a feasible instance', ['process-mode'], one, 'false-infeasible', process={'exit_status': 3, 'stdout': ''})
J('exit status 1', ['process-mode'], one, 'crash', process={'exit_status': 1, 'stdout': 'Traceback ...'})
J('status error', ['line-mode'], one, 'crash', answer=ans(None, 'error', message='ValueError: not implemented'))
J('status unsupported (revision 1.4)', ['line-mode'], one, 'unsupported', answer=ans(None, 'unsupported', message='only depth 3'))
J('exit status 4 (revision 1.4)', ['process-mode'], one, 'unsupported', process={'exit_status': 4, 'stdout': ''})
J('no answer within the time limit', [], one, 'timeout', outcome='timeout')
J('standard output ended before the answer line', ['line-mode'], one, 'crash', outcome='ended')
J('an answer line that is not JSON', ['malformed-answer'], one, 'bad-output', answer_line='network please')
J('an empty answer line', ['malformed-answer'], one, 'bad-output', answer_line='')
J('two JSON documents on one line', ['malformed-answer'], one, 'bad-output',
  answer_line=json.dumps(ans(g_one), separators=(',', ':')) + ' {}')
J('process output that is not JSON', ['process-mode', 'malformed-answer'], one, 'bad-output', process={'exit_status': 0, 'stdout': 'nan'})
J('process output without format and version', ['process-mode', 'malformed-answer'], one, 'bad-output',
  process={'exit_status': 0, 'stdout': json.dumps(g_one)})
J('an unknown field in the network', ['malformed-answer'], one, 'bad-output', answer=ans(dict(g_one, activation='relu')))
J('an x- field in the answer and the network', ['x-field'], one, 'pass', answer=ans(dict(g_one, **{'x-built-by': 'hand'}), **{'x-ms': 3}))
J('a duplicate key in the answer', ['malformed-answer'], one, 'bad-output',
  answer_line='{"format":"ftc-answer","version":1,"status":"error","status":"error"}')
J('status network without a network', ['malformed-answer'], one, 'bad-output', answer_line='{"format":"ftc-answer","version":1,"status":"network"}')
J('a network with status infeasible', ['malformed-answer'], one, 'bad-output', answer=ans(g_one, 'infeasible'))
J('a weight NaN', ['malformed-answer'], one, 'bad-output', answer=ans(dict(g_one, layers=[g_one['layers'][0], {'weights': [['NaN', '0', '0']], 'biases': ['0']}])))
J('a weight with 10,001 characters', ['long-number', 'malformed-answer'], one, 'bad-output',
  answer=ans({'input_dimension': 1, 'layers': [g_one['layers'][0], {'weights': [['1' * 10001, '0', '0']], 'biases': ['0']}]}))
J('a weight 1e10001 (exponent beyond the limit)', ['malformed-answer'], one, 'bad-output',
  answer=ans({'input_dimension': 1, 'layers': [g_one['layers'][0], {'weights': [['1e10001', '0', '0']], 'biases': ['0']}]}))

bare_line = json.dumps(ans(g_one), separators=(',', ':'))
J('the hat with bare JSON numbers', ['bare-number'], one, 'pass',
  answer_line=re.sub(r'"(-?[0-9]+)"', r'\1', bare_line))
J('the hat with bare numbers and a decimal point (2.0 read exactly)', ['bare-number'], one, 'pass',
  answer_line=re.sub(r'"(-?[0-9]+)"', r'\1.0', bare_line))

prot = inst([[0, 1], ['1/2', 3], [2, -1]], [(1, '5/2')], pretrained=F_SUM, id='protocol')
g_prot = t2u(Instance(prot))
J("the protocol's example: f = x1 + x2, sample 1 to 5/2 (residual -1)", ['pretrained', 'multi-dimensional'], prot, 'pass', answer=ans(g_prot))
g_resid = t2u(Instance(inst([[0, 1], ['1/2', 3], [2, -1]], [(1, '5/2')])))
J('labels read as residuals (g = 5/2 at sample 1): wrong, f(x_1) = 7/2', ['pretrained', 'labels-absolute', 'multi-dimensional'], prot,
  ('wrong-value', [1]), answer=ans(g_resid))

shared = inst(line1(0, 1, 2, 3, 4), [(1, 1), (3, 1)])
g_shared = t2u(Instance(shared))
assert neurons(read_network(g_shared, False)[1]) == 5
J('two hats sharing neighbour 2: 5 units', ['shared-neighbour'], shared, 'pass', answer=ans(g_shared))
J('two separate hats of 3 units each: 6 <= 6', ['shared-neighbour'], shared, 'pass',
  answer=ans(network(1, [([['1']] * 6, ['0', '-1', '-2', '-2', '-3', '-4']), ([['1', '-2', '1', '1', '-2', '1']], ['0'])])))
J('hats reaching past the shared neighbour (the planted bug of examples/t2u_buggy.py, in small)', ['shared-neighbour'],
  shared, ('wrong-value', [1, 2, 3]),
  answer=ans(network(1, [([['1']] * 6, ['0', '-1', '-3', '-1', '-3', '-4']), ([['1/2', '-1', '1/2', '1/2', '-1', '1/2']], ['0'])])))

coll = inst(line1(0, 1, 2, 3), [(0, 1), (1, 2), (2, 3), (3, 4)])
g_coll = t2u(Instance(coll))
assert neurons(read_network(g_coll, False)[1]) == 3
J('residuals 1, 2, 3, 4 on 0..3: collinear knots need no unit, 3 units', ['collinear-knot', 'virtual-neighbour'], coll, 'pass', answer=ans(g_coll))
J('the same with budget 3 (the constant rule)', ['collinear-knot', 'budget-rule'], coll, 'pass', answer=ans(g_coll), budget='3')
J('the same with budget 2', ['collinear-knot', 'budget-rule'], coll, 'over-budget', answer=ans(g_coll), budget='2')

merged = inst(line1(0, 1, 1, 2, 0), [(1, 3), (2, 3)])
J('sample 1 repeated as 2 with the same label, 0 repeated unchanged: merged', ['merged-duplicate'], merged, 'pass', answer=ans(t2u(Instance(merged))))
J('status infeasible on a merged (feasible) instance', ['merged-duplicate'], merged, 'false-infeasible', answer=ans(None, 'infeasible'))
conflict = inst(line1(0, 1, 1), [(1, 3)])
J('sample 1 changed, its copy 2 keeps f = 0: infeasible, and said so', ['conflicting-duplicate'], conflict, 'pass', answer=ans(None, 'infeasible'))
J('the same in process mode (exit status 3)', ['conflicting-duplicate', 'process-mode'], conflict, 'pass', process={'exit_status': 3, 'stdout': ''})
J('a network for the infeasible instance', ['conflicting-duplicate'], conflict, 'missed-infeasible', answer=ans(zero_net(1, 2)))
J('exit 0 with garbage on an infeasible instance: missed-infeasible first', ['conflicting-duplicate', 'process-mode'], conflict,
  'missed-infeasible', process={'exit_status': 0, 'stdout': 'garbage'})
J('an invalid answer line on an infeasible instance: bad-output first', ['conflicting-duplicate', 'malformed-answer'], conflict,
  'bad-output', answer_line='{"format":"ftc-answer","version":1,"status":"infeasible","extra":1}')
conflict2 = inst(line1(0, 1, 1), [(1, 3), (2, 4)], pretrained=F_LINE)
J('two copies changed to different labels', ['conflicting-duplicate', 'pretrained'], conflict2, 'pass', answer=ans(None, 'infeasible'))
J('status error on an infeasible instance is a crash', ['conflicting-duplicate'], conflict2, 'crash', answer=ans(None, 'error'))

zero = inst(line1(0, 1, 2), [(1, 1)], pretrained=F_LINE)
J('label equal to f(x) = x: nothing to do, the zero network of width 0', ['zero-residual', 'zero-width-layer', 'pretrained'], zero, 'pass',
  answer=ans(zero_net(1, 2)))
J('the same instance, a hat that adds 1 at sample 1', ['zero-residual', 'pretrained'], zero, ('wrong-value', [1]),
  answer=ans(network(1, [([['1']] * 3, ['0', '-1', '-2']), ([['1', '-2', '1']], ['0'])])))
nochange = inst(line1(0, 1, 2), [], pretrained=F_RELU)
J('no changes: the zero network passes with budget 0', ['no-changes', 'zero-width-layer', 'pretrained'], nochange, 'pass', answer=ans(zero_net(1, 2)))
J('no changes: one dead unit is over the budget 0', ['no-changes', 'pretrained'], nochange, 'over-budget',
  answer=ans(network(1, [([['0']], ['0']), ([['0']], ['0'])])))
J('no changes: a unit alive at sample 2 breaks it', ['no-changes', 'pretrained'], nochange, ('wrong-value', [2]),
  answer=ans(network(1, [([['1']], ['-1']), ([['1']], ['0'])])))

hexi = inst([['0x0'], ['0x1p-2'], ['0x1.8p-1'], ['0x1p0']], [(1, '0x1.8p-3'), (2, '-0x1p-4')])
g_hex = t2u(Instance(hexi))
J('hex-float samples and labels, an exact answer', ['hex-float'], hexi, 'pass', answer=ans(g_hex))
hex_answer = json.loads(json.dumps(g_hex))
hex_answer['layers'][1]['weights'][0] = [float(number(w)).hex() for w in hex_answer['layers'][1]['weights'][0]]
J('output weights written with float.hex(): exact when they are dyadic', ['hex-float'], hexi, 'pass', answer=ans(hex_answer))

tiny = inst(line1('0', '1e-30', '2e-30', '3e-30'), [(1, '1e-30'), (2, '-1e-30')])
g_tiny = t2u(Instance(tiny))
J('samples 1e-30 apart, exact hats with slopes of 1', ['tiny-gap'], tiny, 'pass', answer=ans(g_tiny))
flt = json.loads(json.dumps(g_tiny))
flt['layers'][0]['biases'] = [float(number(b)).hex() for b in flt['layers'][0]['biases']]
J('the tiny-gap hats with binary64 biases: exact at samples 0 and 1 (the ramps there start at 0), not at 2 and 3', ['tiny-gap', 'hex-float'], tiny, ('wrong-value', [2, 3]), answer=ans(flt))
J('the binary64 hats within tolerance 1e-40', ['tiny-gap', 'hex-float', 'tolerance'], tiny, 'pass', answer=ans(flt), tolerance='1e-40')
J('the binary64 hats beyond tolerance 1e-80', ['tiny-gap', 'hex-float', 'tolerance'], tiny, ('wrong-value', [2, 3]), answer=ans(flt), tolerance='1e-80')
J('the half-height hat within tolerance 5/2', ['tolerance'], one, 'pass', answer=ans(scale_out(g_one, F(1, 2))), tolerance='5/2')
J('the half-height hat beyond tolerance 2.4999', ['tolerance'], one, ('wrong-value', [2]), answer=ans(scale_out(g_one, F(1, 2))), tolerance='2.4999')

for n in (1, 2, 3):
    s, c = t2l(n)
    hard = inst(s, c, id='t2l-%d' % n)
    g = t2u(Instance(hard))
    J('T2L hard instance N = %d: 3N = %d units pass' % (n, 3 * n), ['t2l-hard'], hard, 'pass', answer=ans(g))
    if n >= 2:
        J('T2L hard instance N = %d, one unit more than 3N' % n, ['t2l-hard'], hard, 'over-budget', answer=ans(add_dead_units(g, 1)))
s, c = t2l(2)
hard2 = inst(s, c)
J('T2L N = 2 at depth 3: hats + 2 units = 8 > B3(2) = 7', ['t2l-hard', 'depth-3'], dict(hard2, depth=3), 'over-budget',
  answer=ans(deepen(t2u(Instance(hard2)))))

d3 = inst(line1(0, 1, 2, 3, 4), [(2, -7)], depth=3)
g_d3 = deepen(t2u(Instance(d3)))
J('depth 3: a hat followed by relu(z) - relu(-z), 5 = B3(1) units', ['depth-3', 'negative-output'], d3, 'pass', answer=ans(g_d3))
J('depth 3 asked, a 2-layer answer', ['depth-3'], d3, 'bad-output', answer=ans(t2u(Instance(d3))))
J('depth 3, zero network with two width-0 layers', ['depth-3', 'zero-width-layer'], d3, ('wrong-value', [2]), answer=ans(zero_net(1, 3)))
shared3 = inst(line1(0, 1, 2, 3, 4), [(1, 1), (3, -1)], depth=3)
J('depth 3 with a shared neighbour: 5 + 2 = 7 = B3(2)', ['depth-3', 'shared-neighbour', 'negative-output'], shared3, 'pass',
  answer=ans(deepen(t2u(Instance(shared3)))))
d4 = inst(line1(0, 1, 2), [(1, 1)], depth=4)
J('depth 4: no default budget, 8 units pass', ['budget-rule'], d4, 'pass',
  answer=ans(network(1, [([['1']] * 3, ['0', '-1', '-2']), ([['1', '-2', '1'], ['0', '0', '0']], ['0', '0']),
                         ([['1', '0'], ['0', '1'], ['1', '1']], ['0', '0', '0']), ([['1', '0', '0']], ['0'])])))

neg = inst(line1(0, 1, 2), [(1, -1)])
g_neg = t2u(Instance(neg))
J('a negative target: the output layer is affine, not rectified', ['negative-output'], neg, 'pass', answer=ans(g_neg))
J('[out][in]: a 1x3 first layer for 1-D input is a shape error', ['weights-out-in', 'malformed-answer'], neg, 'bad-output',
  answer=ans({'input_dimension': 1, 'layers': [{'weights': [['1', '1', '1']], 'biases': ['0', '-1', '-2']}, {'weights': [['1', '-2', '1']], 'biases': ['0']}]}))
J('the last layer with two output rows', ['malformed-answer'], neg, 'bad-output',
  answer=ans({'input_dimension': 1, 'layers': [{'weights': [['1']], 'biases': ['0']}, {'weights': [['1'], ['1']], 'biases': ['0', '0']}]}))

deep = inst([[0, 0], [1, 2], [2, 1], [3, 3]], [(1, 2), (3, '-14/6')], pretrained=F_DEEP)
g_deep = t2u(Instance(deep))
J('f with two hidden layers, labels absolute, an unreduced fraction', ['deep-pretrained', 'pretrained', 'multi-dimensional', 'unreduced-fraction'],
  deep, 'pass', answer=ans(g_deep))
J('the same, with g built for f = 0 (labels as residuals)', ['deep-pretrained', 'labels-absolute', 'multi-dimensional'], deep,
  ('wrong-value', [1, 3]), answer=ans(t2u(Instance(dict(deep, pretrained=None)))))

huge = inst(line1('-1e30', '0', '1e30'), [(1, '1e30'), (2, '-1e-30')])
J('magnitudes 1e30 and 1e-30', ['huge-magnitude', 'virtual-neighbour'], huge, 'pass', answer=ans(t2u(Instance(huge))))
longl = inst(line1(0, 1, 2), [(1, '7' * 5000)])
g_long = t2u(Instance(longl))
J('a label of 5,000 digits', ['long-number'], longl, 'pass', answer=ans(g_long))
J('a label of 5,000 digits, answer off by one in the output bias', ['long-number'], longl, ('wrong-value', [0, 1, 2]),
  answer=ans(dict(g_long, layers=[g_long['layers'][0], {'weights': g_long['layers'][1]['weights'], 'biases': ['1']}])))
grid = inst([[x, y] for x in range(3) for y in range(3)], [(4, 1), (0, 2), (8, -3)], **{'x-comment': 'a 3x3 grid'})
J('a 3x3 grid, three changes, x- field in the instance', ['multi-dimensional', 'x-field', 'virtual-neighbour'], grid, 'pass', answer=ans(t2u(Instance(grid))))

# ---------------------------------------------------------------- construct cases
construct_cases = []


def C(comment, flags, doc, want):
    """want: (feasible, N, t2u count or None), by hand."""
    i = Instance(doc)
    feasible = i.points() is not None
    exp = {'feasible': feasible, 'N': i.n, 'B2': b2(i.n), 'B3': b3(i.n)}
    if feasible:
        exp['t2u_neurons'] = len(hat_knots(i)[0])
    got = (feasible, i.n, exp.get('t2u_neurons'))
    if got != want:
        raise SystemExit('construct-%03d (%s): computed %s, intended %s' % (len(construct_cases) + 1, comment, got, want))
    if feasible:  # T2U's own g must fine-tune within 3N; checked with this script's judge
        global MAX_LEN
        MAX_LEN = 10 ** 9  # a computed weight may outgrow the reading limit (docs/formats.md)
        assert judge_network(Instance(dict(doc, depth=2)), t2u(i), 'default', 0) == ('pass', []), comment
        MAX_LEN = 10_000
    construct_cases.append({'id': 'construct-%03d' % (len(construct_cases) + 1), 'comment': comment, 'flags': flags, 'instance': doc,
                            'expected': exp})


C('one hat in the middle', [], one, (True, 1, 3))
C("the protocol's example", ['pretrained', 'multi-dimensional'], prot, (True, 1, 3))
C('two runs sharing neighbour 2: 3 + 3 - 1', ['shared-neighbour'], shared, (True, 2, 5))
C('three runs sharing two neighbours: 9 - 2', ['shared-neighbour'], inst(line1(0, 1, 2, 3, 4, 5, 6), [(1, 1), (3, 2), (5, 1)]), (True, 3, 7))
C('a run of two: 2 + 2 units', [], inst(line1(0, 1, 2, 3), [(1, 1), (2, 5)]), (True, 2, 4))
C('residuals 1..4 on 0..3, all changed: collinear, 6 knots, 3 units', ['collinear-knot', 'all-changed', 'virtual-neighbour'], coll, (True, 4, 3))
C('residuals 2, 2, 2 in a run: the flat top saves one knot', ['collinear-knot'], inst(line1(0, 1, 2, 3, 4), [(1, 2), (2, 2), (3, 2)]), (True, 3, 4))
C('collinear through an untouched neighbour (r = -1, 0, 1)', ['collinear-knot'], inst(line1(0, 1, 2, 3, 4), [(1, -1), (3, 1)]), (True, 2, 4))
C('a merged repeat', ['merged-duplicate'], merged, (True, 2, 3))
C('a repeat with an unchanged copy, label equal to f', ['merged-duplicate', 'zero-residual', 'pretrained'], inst(line1(0, 1, 1, 2), [(1, 1)], pretrained=F_LINE), (True, 1, 0))
C('changed and unchanged copy disagree', ['conflicting-duplicate'], conflict, (False, 1, None))
C('two copies with different labels', ['conflicting-duplicate', 'pretrained'], conflict2, (False, 2, None))
C('conflicting copies in 2-D', ['conflicting-duplicate', 'multi-dimensional'], inst([[1, 2], [0, 0], ['2/2', '4/2']], [(0, 1), (2, 2)]), (False, 2, None))
C('label equal to f(x): zero residual, no unit', ['zero-residual', 'pretrained'], zero, (True, 1, 0))
C('one zero residual between two active samples splits nothing', ['zero-residual', 'shared-neighbour', 'pretrained'],
  inst(line1(0, 1, 2, 3, 4), [(1, 5), (2, 2), (3, 7)], pretrained=F_LINE), (True, 3, 5))
C('no changes', ['no-changes', 'pretrained'], nochange, (True, 0, 0))
C('no samples', ['no-samples', 'no-changes'], inst([], [], input_dimension=3), (True, 0, 0))
C('one sample, changed', ['all-changed', 'virtual-neighbour'], inst(line1(5), [(0, 1)]), (True, 1, 3))
C('hex-float samples and labels', ['hex-float'], hexi, (True, 2, 4))
C('samples 1e-30 apart', ['tiny-gap'], tiny, (True, 2, 4))
for n in (1, 2, 3, 5, 8):
    s, c = t2l(n)
    C('T2L hard instance, N = %d: exactly 3N' % n, ['t2l-hard'], inst(s, c), (True, n, 3 * n))
C('T2L N = 4 asked at depth 3', ['t2l-hard', 'depth-3'], inst(*t2l(4), depth=3), (True, 4, 12))
C('a hat at depth 3', ['depth-3'], d3, (True, 1, 3))
C('a 5,000-digit label', ['long-number'], longl, (True, 1, 3))
C('a 9,000-digit coordinate', ['long-number'], inst(line1(0, '1' * 9000), [(0, 1)]), (True, 1, 3))
C('magnitudes 1e30', ['huge-magnitude', 'virtual-neighbour'], huge, (True, 2, 4))
C('f with two hidden layers; T = 1 collides, T = 2 orders 0, 4, 5, 9: one run at the end', ['deep-pretrained', 'pretrained', 'multi-dimensional', 'unreduced-fraction', 'virtual-neighbour'], deep, (True, 2, 4))
C('a 3x3 grid with x- field: T = 3 orders t = x + 3y, three separate hats', ['multi-dimensional', 'x-field', 'virtual-neighbour'], grid, (True, 3, 9))
C('points on a diagonal in 3-D: T = 1 separates them', ['multi-dimensional'], inst([[i, i, i] for i in range(4)], [(1, 3), (2, -3)]), (True, 2, 4))
C('(1,0) and (0,1): T = 1 collides, T = 2 separates', ['multi-dimensional', 'virtual-neighbour'], inst([[1, 0], [0, 1], [0, 0]], [(0, 1), (1, 1)]), (True, 2, 4))
C('bare JSON numbers in samples and labels', ['bare-number'], inst([[Bare('0')], [Bare('0.5')], [Bare('1')]], [(1, Bare('2'))]), (True, 1, 3))
C('|x| - 1 as f, every sample changed to 0', ['pretrained', 'all-changed', 'virtual-neighbour'], inst(line1(-1, 0, 1), [(0, 0), (1, 0), (2, 0)], pretrained=F_RELU), (True, 3, 3))
C('a long alternating run of all changed samples', ['all-changed', 'virtual-neighbour'], inst(line1(*range(6)), [(i, (-1) ** i) for i in range(6)]), (True, 6, 8))


def write(name, kind, description, flags, cases):
    used = {f for c in cases for f in c['flags']}
    if used != set(flags):
        raise SystemExit('%s: flags defined but unused %s, used but undefined %s' % (name, set(flags) - used, used - set(flags)))
    doc = {'format': 'ftc-vectors', 'version': 1, 'kind': kind, 'description': description,
           'flags': flags, 'numberOfTests': len(cases), 'tests': cases}
    with open(os.path.join(HERE, name), 'w') as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print('%s: %d cases' % (name, len(cases)))


write('judge.json', 'judge', 'instance and answer to verdict (spec/protocol.md section 6.5); expected values derived by spec/vectors/generate.py',
      JUDGE_FLAGS, judge_cases)
write('construct.json', 'construct', 'instance to feasibility, N, B2, B3 and the exact T2U neuron count; derived by spec/vectors/generate.py',
      CONSTRUCT_FLAGS, construct_cases)
