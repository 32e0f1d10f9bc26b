"""The interchange formats as dataclasses: ``ftc-network``, ``ftc-instance``, ``ftc-answer`` and
``ftc-verdict`` version 1 (docs/formats.md), with strict readers and canonical writers.

Every number is a :class:`fractions.Fraction`. The readers refuse what ``org.ftc.io`` refuses
(unknown fields other than ``x-`` keys, duplicate keys, shapes that do not chain, indices out of
range, integers given as strings, over-long numbers), with the same one-line ``path: problem``
messages. The writers emit the text the Java writers emit, so a document written here and one
written by ``ftc`` are byte for byte the same.
"""
import os
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Dict, List, Optional, Sequence, Tuple

from . import jsontext
from .jsontext import BareNumber, FormatError, describe
from .exact import NumberError, format_number, parse_number, to_fraction, MAX_NUMBER_LENGTH


class Infeasible(Exception):
    """The instance is infeasible: two equal samples need different outputs (exit 3 / status infeasible)."""


class Unsupported(Exception):
    """This implementation has no construction for the instance's depth (exit 4 / status unsupported)."""


__all__ = ['Layer', 'Network', 'Instance', 'Answer', 'Verdict', 'SampleFailure', 'FormatError', 'Infeasible', 'Unsupported',
           'read_network', 'read_instance', 'read_answer', 'read_verdict', 'read_document']

NETWORK_FIELDS = ('format', 'version', 'input_dimension', 'layers')
LAYER_FIELDS = ('weights', 'biases')
INSTANCE_FIELDS = ('format', 'version', 'id', 'input_dimension', 'samples', 'pretrained', 'changes', 'depth')
CHANGE_FIELDS = ('index', 'label')
ANSWER_FIELDS = ('format', 'version', 'instance', 'status', 'network', 'message')
ANSWER_STATUSES = ('network', 'infeasible', 'unsupported', 'error')


# ------------------------------------------------------------------ the values

@dataclass(frozen=True)
class Layer:
    """``z = W h + b``; ``weights[i][j]`` is the weight from input ``j`` to unit ``i``."""
    weights: Tuple[Tuple[Fraction, ...], ...]
    biases: Tuple[Fraction, ...]

    def __post_init__(self):
        object.__setattr__(self, 'weights', tuple(tuple(to_fraction(w) for w in row) for row in self.weights))
        object.__setattr__(self, 'biases', tuple(to_fraction(b) for b in self.biases))
        if len(self.biases) != len(self.weights):
            raise ValueError('%d biases for %d rows of weights' % (len(self.biases), len(self.weights)))

    @property
    def width(self):
        return len(self.weights)

    def apply(self, h):
        return [sum((w * x for w, x in zip(row, h)), b) for row, b in zip(self.weights, self.biases)]


@dataclass(frozen=True)
class Network:
    """A ReLU network ``R^d -> R``: ReLU after every layer but the last, which has one output."""
    input_dimension: int
    layers: Tuple[Layer, ...]

    def __post_init__(self):
        object.__setattr__(self, 'layers', tuple(self.layers))
        if not isinstance(self.input_dimension, int) or self.input_dimension < 1:
            raise ValueError('input_dimension must be an integer >= 1, got %r' % (self.input_dimension,))
        if not self.layers:
            raise ValueError('a network needs at least one layer')
        width = self.input_dimension
        for l, layer in enumerate(self.layers):
            for i, row in enumerate(layer.weights):
                if len(row) != width:
                    raise ValueError('layers[%d].weights[%d] has %d entries, expected %d' % (l, i, len(row), width))
            width = layer.width
        if width != 1:
            raise ValueError('the last layer must have exactly one output row, it has %d' % width)

    @property
    def depth(self):
        return len(self.layers)

    @property
    def widths(self):
        """Widths of the hidden layers."""
        return [layer.width for layer in self.layers[:-1]]

    @property
    def neurons(self):
        """Hidden units (the count the budgets are about)."""
        return sum(self.widths)

    def __call__(self, x):
        """The exact value at ``x`` (a sequence of numbers)."""
        h = [to_fraction(v) for v in x]
        if len(h) != self.input_dimension:
            raise ValueError('x has %d coordinates, the network reads %d' % (len(h), self.input_dimension))
        for layer in self.layers[:-1]:
            h = [z if z > 0 else Fraction(0) for z in layer.apply(h)]
        return self.layers[-1].apply(h)[0]

    @staticmethod
    def zero(d, depth=2):
        """``f = 0`` as the readers build it for an absent ``pretrained``: hidden layers of width 0."""
        hidden = [Layer((), ()) for _ in range(depth - 1)]
        return Network(d, hidden + [Layer(((Fraction(0),) * (d if depth == 1 else 0),), (Fraction(0),))])

    def to_json(self, nested=False):
        doc = {} if nested else {'format': 'ftc-network', 'version': 1}
        doc['input_dimension'] = self.input_dimension
        doc['layers'] = [{'weights': [[format_number(w) for w in row] for row in layer.weights],
                          'biases': [format_number(b) for b in layer.biases]} for layer in self.layers]
        return doc

    def dumps(self, compact=False):
        """The canonical document (indented and ending with a newline, or on one line)."""
        parts = []
        _append_network(parts, self, '', not compact)
        return ''.join(parts) + ('' if compact else '\n')


@dataclass(frozen=True)
class Instance:
    """Samples ``x_1..x_K``, the pre-trained ``f``, new labels ``changes[index] = label``, and the depth of ``g``."""
    samples: Tuple[Tuple[Fraction, ...], ...]
    pretrained: Network
    changes: Dict[int, Fraction]
    depth: int = 2
    id: str = ''

    def __post_init__(self):
        object.__setattr__(self, 'samples', tuple(tuple(to_fraction(c) for c in x) for x in self.samples))
        object.__setattr__(self, 'changes', {int(i): to_fraction(v) for i, v in sorted(dict(self.changes).items())})
        d = self.pretrained.input_dimension
        for i, x in enumerate(self.samples):
            if len(x) != d:
                raise ValueError('samples[%d] has %d coordinates, f reads %d' % (i, len(x), d))
        for i in self.changes:
            if not 0 <= i < len(self.samples):
                raise ValueError('change of sample %d, out of range 0..%d' % (i, len(self.samples) - 1))
        if not isinstance(self.depth, int) or not 1 <= self.depth <= 1000:
            raise ValueError('depth must be an integer in 1..1000, got %r' % (self.depth,))

    @property
    def dimension(self):
        return self.pretrained.input_dimension

    @property
    def K(self):
        return len(self.samples)

    @property
    def N(self):
        return len(self.changes)

    def target(self, i):
        """What ``f + g`` must output at sample ``i``: its new label, or ``f(x_i)``."""
        return self.changes[i] if i in self.changes else self.pretrained(self.samples[i])

    def residuals(self):
        """``(x, r)`` for every distinct sample, ``r`` = target - f(x), what ``g`` must output there.

        Raises :class:`Infeasible` when two equal samples need different outputs.
        """
        value = {}
        for i, x in enumerate(self.samples):
            r = self.changes[i] - self.pretrained(x) if i in self.changes else Fraction(0)
            if x in value and value[x] != r:
                raise Infeasible('samples %d and an earlier equal one need different outputs' % i)
            value[x] = r
        return list(value.items())

    def to_json(self):
        doc = {'format': 'ftc-instance', 'version': 1}
        if self.id:
            doc['id'] = self.id
        doc['samples'] = [[format_number(c) for c in x] for x in self.samples]
        doc['pretrained'] = self.pretrained.to_json()
        doc['changes'] = [{'index': i, 'label': format_number(v)} for i, v in self.changes.items()]
        doc['depth'] = self.depth
        return doc

    def dumps(self, compact=False):
        return _write_instance(self, not compact)


@dataclass(frozen=True)
class Answer:
    """One line-mode answer: ``status`` is ``network`` (with ``network``), ``infeasible``, ``unsupported`` or ``error``."""
    status: str
    network: Optional[Network] = None
    instance: Optional[str] = None
    message: str = ''

    def __post_init__(self):
        if self.status not in ANSWER_STATUSES:
            raise ValueError('status must be one of %s, got %r' % (', '.join(ANSWER_STATUSES), self.status))
        if (self.network is not None) != (self.status == 'network'):
            raise ValueError('a network goes with status network and only with it (status %s)' % self.status)

    def dumps(self):
        """The compact line, without its newline."""
        parts = ['{"format":"ftc-answer","version":1']
        if self.instance is not None:
            parts.append(',"instance":' + jsontext.quote(self.instance))
        parts.append(',"status":"%s"' % self.status)
        if self.network is not None:
            parts.append(',"network":')
            _append_network(parts, self.network, '', False)
        if self.message:
            parts.append(',"message":' + jsontext.quote(self.message))
        parts.append('}')
        return ''.join(parts)


@dataclass(frozen=True)
class SampleFailure:
    index: int
    changed: bool
    wanted: Fraction
    got: Fraction


@dataclass(frozen=True)
class Verdict:
    """One ``ftc-verdict`` (a line of the gate's ``results.jsonl``). Fields a newer gate adds are kept in ``extra``."""
    instance: str
    verdict: str
    message: str = ''
    neurons: Optional[int] = None
    budget: Optional[int] = None
    exit_status: Optional[int] = None
    elapsed_ms: Optional[int] = None
    failures: List[SampleFailure] = field(default_factory=list)
    stderr: str = ''
    extra: Dict[str, object] = field(default_factory=dict)

    @property
    def passed(self):
        return self.verdict == 'pass'


# ------------------------------------------------------------------ typed access with paths

def _child(path, key):
    return key if not path else path + '.' + key


def _object(v, path, allowed):
    if not isinstance(v, dict):
        raise FormatError(path, 'expected an object, got ' + describe(v))
    for key in v:
        if key not in allowed and not key.startswith('x-'):
            raise FormatError(_child(path, key), 'unknown field (allowed: %s, or any "x-" key)' % ', '.join(allowed))
    return v


def _required(obj, path, key):
    if key not in obj:
        raise FormatError(_child(path, key), 'missing required field')
    return obj[key]


def _array(v, path):
    if not isinstance(v, list):
        raise FormatError(path, 'expected an array, got ' + describe(v))
    return v


def _string(v, path):
    if not isinstance(v, str) or isinstance(v, BareNumber):
        raise FormatError(path, 'expected a string, got ' + describe(v))
    return v


def _integer(v, path, lo, hi):
    if not isinstance(v, BareNumber) or not v.integral:
        raise FormatError(path, 'expected an integer, got ' + describe(v))
    if len(v) > 12:
        raise FormatError(path, 'integer %s is out of range %d..%d' % (v[:37] + '...' if len(v) > 40 else v, lo, hi))
    n = int(v)
    if not lo <= n <= hi:
        raise FormatError(path, 'integer %d is out of range %d..%d' % (n, lo, hi))
    return n


def _number(v, path, max_length):
    if not isinstance(v, str):  # a JSON string or a bare number's text
        raise FormatError(path, 'expected a number string, got ' + describe(v))
    try:
        return parse_number(str(v), max_length)
    except NumberError as e:
        raise FormatError(path, str(e)) from None


def _constant(obj, path, name):
    fmt = _string(_required(obj, path, 'format'), _child(path, 'format'))
    if fmt != name:
        raise FormatError(_child(path, 'format'), 'expected "%s", got "%s"' % (name, fmt[:40]))
    version = _integer(_required(obj, path, 'version'), _child(path, 'version'), 0, 2 ** 31 - 1)
    if version != 1:
        raise FormatError(_child(path, 'version'), 'unsupported version %d (this reader knows version 1)' % version)


def _wrong_format_first(v, path, name):
    """A document of another format is named as such before its fields are refused one by one."""
    if isinstance(v, dict) and isinstance(v.get('format'), str) and v['format'] != name:
        raise FormatError(_child(path, 'format'), 'expected "%s", got "%s"' % (name, v['format'][:40]))


def _network(v, path, top_level, max_length=MAX_NUMBER_LENGTH):
    if top_level:
        _wrong_format_first(v, path, 'ftc-network')
    top = _object(v, path, NETWORK_FIELDS)
    if top_level or 'format' in top or 'version' in top:
        _constant(top, path, 'ftc-network')
    d = _integer(_required(top, path, 'input_dimension'), _child(path, 'input_dimension'), 1, 2 ** 31 - 1)
    layers_path = _child(path, 'layers')
    layer_list = _array(_required(top, path, 'layers'), layers_path)
    if not layer_list:
        raise FormatError(layers_path, 'a network needs at least one layer')
    layers = []
    width = d
    for l, lv in enumerate(layer_list):
        lp = '%s[%d]' % (layers_path, l)
        layer = _object(lv, lp, LAYER_FIELDS)
        wp, bp = lp + '.weights', lp + '.biases'
        rows = _array(_required(layer, lp, 'weights'), wp)
        bias_list = _array(_required(layer, lp, 'biases'), bp)
        source = 'input_dimension' if l == 0 else 'the width of layers[%d]' % (l - 1)
        w = []
        for i, rv in enumerate(rows):
            rp = '%s[%d]' % (wp, i)
            row = _array(rv, rp)
            if len(row) != width:
                raise FormatError(rp, 'has %d entries, expected %d (%s)' % (len(row), width, source))
            w.append(tuple(_number(x, '%s[%d]' % (rp, j), max_length) for j, x in enumerate(row)))
        if len(bias_list) != len(rows):
            raise FormatError(bp, 'has %d entries but weights has %d rows' % (len(bias_list), len(rows)))
        b = tuple(_number(x, '%s[%d]' % (bp, i), max_length) for i, x in enumerate(bias_list))
        if l == len(layer_list) - 1 and len(rows) != 1:
            raise FormatError(wp, 'the last layer must have exactly one output row, it has %d' % len(rows))
        layers.append(Layer(tuple(w), b))
        width = len(rows)
    return Network(d, tuple(layers))


def _instance(v):
    _wrong_format_first(v, '', 'ftc-instance')
    top = _object(v, '', INSTANCE_FIELDS)
    _constant(top, '', 'ftc-instance')
    ident = ''
    if top.get('id') is not None:
        ident = _string(top['id'], 'id')
    sample_list = _array(_required(top, '', 'samples'), 'samples')
    pre = top.get('pretrained')
    f = None if pre is None else _network(pre, 'pretrained', False)
    declared = _integer(top['input_dimension'], 'input_dimension', 1, 2 ** 31 - 1) if 'input_dimension' in top else None
    if sample_list:
        d = len(_array(sample_list[0], 'samples[0]'))
        if d == 0:
            raise FormatError('samples[0]', 'a sample needs at least one coordinate')
        source = 'samples[0]'
    elif f is not None:
        d, source = f.input_dimension, 'pretrained.input_dimension'
    elif declared is not None:
        d, source = declared, 'input_dimension'
    else:
        d, source = 1, 'the default'
    if declared is not None and declared != d:
        raise FormatError('input_dimension', 'is %d but %s gives %d' % (declared, source, d))
    if f is not None and f.input_dimension != d:
        raise FormatError('pretrained.input_dimension', 'is %d but the samples have %d coordinates' % (f.input_dimension, d))
    samples = []
    for i, sv in enumerate(sample_list):
        sp = 'samples[%d]' % i
        coords = _array(sv, sp)
        if len(coords) != d:
            raise FormatError(sp, 'has %d coordinates, expected %d (like %s)' % (len(coords), d, source))
        samples.append(tuple(_number(c, '%s[%d]' % (sp, j), MAX_NUMBER_LENGTH) for j, c in enumerate(coords)))
    changes = {}
    for c, cv in enumerate(_array(_required(top, '', 'changes'), 'changes')):
        cp = 'changes[%d]' % c
        change = _object(cv, cp, CHANGE_FIELDS)
        ip = cp + '.index'
        if not samples:
            _required(change, cp, 'index')
            raise FormatError(ip, 'there are no samples to change')
        index = _integer(_required(change, cp, 'index'), ip, 0, len(samples) - 1)
        label = _number(_required(change, cp, 'label'), cp + '.label', MAX_NUMBER_LENGTH)
        if index in changes:
            raise FormatError(ip, 'sample %d is changed twice' % index)
        changes[index] = label
    depth = _integer(_required(top, '', 'depth'), 'depth', 1, 1000)
    if f is None:
        f = Network.zero(d, 2)
    return Instance(tuple(samples), f, changes, depth, ident)


def _answer(v, max_length=MAX_NUMBER_LENGTH):
    _wrong_format_first(v, '', 'ftc-answer')
    top = _object(v, '', ANSWER_FIELDS)
    _constant(top, '', 'ftc-answer')
    instance = _string(top['instance'], 'instance') if 'instance' in top else None
    status = _string(_required(top, '', 'status'), 'status')
    if status not in ANSWER_STATUSES:
        raise FormatError('status', 'expected %s, got "%s"' % (', '.join('"%s"' % s for s in ANSWER_STATUSES), status[:40]))
    message = _string(top['message'], 'message') if 'message' in top else ''
    network = None
    if status == 'network':
        network = _network(_required(top, '', 'network'), 'network', False, max_length)
    elif 'network' in top:
        raise FormatError('network', 'only allowed with status "network", the status is "%s"' % status)
    return Answer(status, network, instance, message)


def _opt_int(top, key):
    v = top.get(key)
    if v is None:
        return None
    return _integer(v, key, -2 ** 63, 2 ** 63 - 1)


def _verdict(v):
    if not isinstance(v, dict):
        raise FormatError('', 'expected an object, got ' + describe(v))
    _constant(v, '', 'ftc-verdict')
    known = {'format', 'version', 'instance', 'verdict', 'message', 'neurons', 'budget', 'exit_status',
             'elapsed_ms', 'failures', 'stderr'}
    failures = []
    for k, fv in enumerate(_array(v.get('failures', []), 'failures')):
        fp = 'failures[%d]' % k
        fo = _object(fv, fp, ('index', 'changed', 'wanted', 'got'))
        changed = _required(fo, fp, 'changed')
        if changed not in (True, False):
            raise FormatError(fp + '.changed', 'expected true or false, got ' + describe(changed))
        failures.append(SampleFailure(_integer(_required(fo, fp, 'index'), fp + '.index', 0, 2 ** 31 - 1), changed,
                                      _number(_required(fo, fp, 'wanted'), fp + '.wanted', 10 ** 9),
                                      _number(_required(fo, fp, 'got'), fp + '.got', 10 ** 9)))
    return Verdict(instance=_string(_required(v, '', 'instance'), 'instance'),
                   verdict=_string(_required(v, '', 'verdict'), 'verdict'),
                   message=_string(v.get('message', ''), 'message'),
                   neurons=_opt_int(v, 'neurons'), budget=_opt_int(v, 'budget'),
                   exit_status=_opt_int(v, 'exit_status'), elapsed_ms=_opt_int(v, 'elapsed_ms'),
                   failures=failures, stderr=_string(v.get('stderr', ''), 'stderr'),
                   extra={k: x for k, x in v.items() if k not in known})


# ------------------------------------------------------------------ public readers

def _text(source):
    """A document's text from a str / bytes, a path-like, or a file object."""
    if hasattr(source, 'read'):
        return source.read()
    if isinstance(source, (bytes, bytearray)):
        return source
    if isinstance(source, str):
        stripped = source.strip('\ufeff \t\r\n')
        if not stripped or stripped.startswith(('{', '[', '"')) or '\n' in stripped:
            return source  # JSON text (every ftc document is an object)
        if not os.path.isfile(source):  # one line that is not JSON: a path, so say what is wrong with it
            raise FormatError(source, 'is not a file' if os.path.exists(source) else 'no such file')
    with open(source, 'rb') as fh:
        return fh.read()


def read_network(source, max_number_length=MAX_NUMBER_LENGTH):
    """An ``ftc-network`` from JSON text, bytes, a path or a file."""
    return _network(jsontext.loads(_text(source)), '', True, max_number_length)


def read_instance(source):
    """An ``ftc-instance`` from JSON text, bytes, a path or a file."""
    return _instance(jsontext.loads(_text(source)))


def read_answer(line, max_number_length=MAX_NUMBER_LENGTH):
    """An ``ftc-answer`` from one line of text."""
    return _answer(jsontext.loads(_text(line)), max_number_length)


def read_verdict(line):
    """An ``ftc-verdict`` (one line of ``results.jsonl``)."""
    return _verdict(jsontext.loads(_text(line)))


def read_verdicts(path):
    """Every verdict of a ``results.jsonl`` file.

    A complete run ends the file with one ``ftc-gate-summary`` line; it is not a verdict and is
    skipped (anywhere but last it is an error). A file without it is from a run that was stopped."""
    with open(path, 'rb') as fh:
        lines = [line for line in fh if line.strip()]
    verdicts = []
    for i, line in enumerate(lines):
        doc = jsontext.loads(_text(line))
        if isinstance(doc, dict) and doc.get('format') == 'ftc-gate-summary':
            if i != len(lines) - 1:
                raise FormatError('results.jsonl line %d' % (i + 1), 'the ftc-gate-summary line must be the last')
            continue
        verdicts.append(_verdict(doc))
    return verdicts


def read_document(source):
    """Any of the four formats, chosen by its ``format`` field."""
    doc = jsontext.loads(_text(source))
    fmt = doc.get('format') if isinstance(doc, dict) else None
    readers = {'ftc-network': lambda d: _network(d, '', True), 'ftc-instance': _instance,
               'ftc-answer': _answer, 'ftc-verdict': _verdict}
    if fmt not in readers:
        raise FormatError('format', 'expected one of %s, got %s' % (', '.join(readers), describe(fmt)))
    return readers[fmt](doc)


# ------------------------------------------------------------------ canonical writers (as org.ftc.io)

def _q(parts, value):
    parts.append('"%s"' % format_number(value))


def _append_network(parts, g, indent, pretty):
    nl = '\n' + indent if pretty else ''
    sp = ' ' if pretty else ''
    parts.append('{"format":%s"ftc-network",%s"version":%s1,%s"input_dimension":%s%d,%s"layers":%s[' % (
        sp, sp, sp, sp, sp, g.input_dimension, sp, sp))
    for l, layer in enumerate(g.layers):
        if l > 0:
            parts.append(',')
        parts.append((nl + '  ' if pretty else '') + '{"weights":' + sp + '[')
        for i, row in enumerate(layer.weights):
            if i > 0:
                parts.append(',')
            if pretty:
                parts.append(nl + '     ')
            parts.append('[')
            for j, w in enumerate(row):
                if j > 0:
                    parts.append(',' + sp)
                _q(parts, w)
            parts.append(']')
        parts.append('],')
        if pretty:
            parts.append(nl + '   ')
        parts.append('"biases":' + sp + '[')
        for i, b in enumerate(layer.biases):
            if i > 0:
                parts.append(',' + sp)
            _q(parts, b)
        parts.append(']}')
    parts.append(']}')


def _write_instance(inst, pretty):
    nl = '\n  ' if pretty else ''
    sp = ' ' if pretty else ''
    parts = ['{"format":%s"ftc-instance",%s"version":%s1,' % (sp, sp, sp)]
    if inst.id:
        parts.append(sp + '"id":' + sp + jsontext.quote(inst.id) + ',')
    parts.append(nl + '"samples":' + sp + '[')
    for i, x in enumerate(inst.samples):
        if i > 0:
            parts.append(',')
        if pretty:
            parts.append(nl + '  ')
        parts.append('[')
        for j, c in enumerate(x):
            if j > 0:
                parts.append(',' + sp)
            _q(parts, c)
        parts.append(']')
    parts.append('],' + nl + '"pretrained":' + sp)
    _append_network(parts, inst.pretrained, '  ' if pretty else '', pretty)
    parts.append(',' + nl + '"changes":' + sp + '[')
    for k, (i, v) in enumerate(inst.changes.items()):
        if k > 0:
            parts.append(',')
        if pretty:
            parts.append(nl + '  ')
        parts.append('{"index":%s%d,%s"label":%s' % (sp, i, sp, sp))
        _q(parts, v)
        parts.append('}')
    parts.append('],' + nl + '"depth":' + sp + '%d}' % inst.depth)
    if pretty:
        parts.append('\n')
    return ''.join(parts)
