"""Strict JSON for the formats, on the standard library's ``json`` module.

Like ``org.ftc.io.JsonReader``: bare numbers keep their source text (:class:`BareNumber`, never a
``float``), duplicate keys are refused, ``NaN``/``Infinity`` are refused, nesting is limited to 64
levels, and nothing may follow the document. Errors are :class:`FormatError` with a field path.
"""
import json

MAX_DEPTH = 64


class FormatError(ValueError):
    """A document the readers refuse: ``"<field path>: <problem>"`` on one line."""

    def __init__(self, path, problem):
        self.path = ' '.join(str(path).split())
        self.problem = ' '.join(str(problem).split())
        super().__init__('%s: %s' % (self.path or '(document)', self.problem))

    def under(self, parent):
        if not self.path:
            return FormatError(parent, self.problem)
        return FormatError(parent + self.path if self.path.startswith('[') else parent + '.' + self.path, self.problem)


class BareNumber(str):
    """The text of a bare JSON number, as written (``integral`` when it has no fraction or exponent)."""
    __slots__ = ()

    @property
    def integral(self):
        return not any(c in self for c in '.eE')


class _Duplicate(Exception):
    pass


def _pairs(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise _Duplicate(k)
        d[k] = v
    return d


def _refuse_constant(name):
    raise ValueError('%s is not a JSON number' % name)


def loads(text):
    """Parse ``text`` (str or UTF-8 bytes) strictly."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode('utf-8')
        except UnicodeDecodeError:
            raise FormatError('', 'not valid UTF-8 text') from None
    if text.startswith('\ufeff'):
        text = text[1:]
    if not text.strip():
        raise FormatError('', 'empty input: expected a JSON document')
    try:
        doc = json.loads(text, object_pairs_hook=_pairs, parse_float=BareNumber, parse_int=BareNumber,
                         parse_constant=_refuse_constant)
    except _Duplicate as e:
        # The standard parser does not say where; the key is enough to find it.
        raise FormatError('', 'duplicate key "%s"' % str(e.args[0])[:40]) from None
    except json.JSONDecodeError as e:
        if e.msg.startswith('Extra data'):
            raise FormatError('', 'unexpected content after the JSON document (line %d, column %d)' % (e.lineno, e.colno)) from None
        raise FormatError('', 'not valid JSON: %s (line %d, column %d)' % (e.msg, e.lineno, e.colno)) from None
    except (ValueError, RecursionError) as e:
        raise FormatError('', 'not valid JSON: %s' % e) from None
    _check_depth(doc, '', 1)
    return doc


def _check_depth(v, path, depth):
    if isinstance(v, (dict, list)):
        if depth > MAX_DEPTH:
            raise FormatError(path, 'nested deeper than the limit of %d levels' % MAX_DEPTH)
        items = v.items() if isinstance(v, dict) else enumerate(v)
        for k, item in items:
            if isinstance(item, (dict, list)):
                _check_depth(item, '%s[%d]' % (path, k) if isinstance(k, int) else (path + '.' + k if path else k), depth + 1)


def describe(v):
    """How a value is named in error messages (as the Java readers name it)."""
    if isinstance(v, BareNumber):
        return 'the number ' + (v if len(v) <= 40 else v[:37] + '...')
    if isinstance(v, str):
        return 'the string "%s"' % (v if len(v) <= 40 else v[:37] + '...')
    if v is True or v is False:
        return 'true' if v else 'false'
    if v is None:
        return 'null'
    if isinstance(v, dict):
        return 'an object'
    if isinstance(v, list):
        return 'an array'
    return repr(v)


def dumps_compact(doc):
    """One line: ``json.dumps`` escapes newlines inside strings."""
    return json.dumps(doc, separators=(',', ':'), ensure_ascii=False)


def quote(text):
    """A JSON string literal, escaped as the Java writers escape it (``org.ftc.io.JsonStrings``)."""
    out = ['"']
    for c in text:
        if c == '"':
            out.append('\\"')
        elif c == '\\':
            out.append('\\\\')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif c == '\t':
            out.append('\\t')
        elif ord(c) < 0x20:
            out.append('\\u%04x' % ord(c))
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)
