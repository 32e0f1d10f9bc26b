"""The gate's protocol for an implementation (docs/gate.md), in both modes.

The user writes ``def construct(instance) -> Network`` and calls :func:`serve`::

    import ftc

    def construct(instance):
        ...                       # raise ftc.Infeasible(...) / ftc.Unsupported(...) when needed
        return network

    if __name__ == '__main__':
        ftc.serve(construct)

``serve`` reads ``--line`` from the command line:

* process mode (default): one instance on standard input, ``g`` on standard output, exit status 0;
  3 for :class:`Infeasible`, 4 for :class:`Unsupported` (no construction for that depth), 2 for an
  unreadable instance (the reader's one line on standard error), 1 for any other exception (its
  traceback on standard error);
* line mode (``--line``): one compact instance per input line, one ``ftc-answer`` line per
  instance, flushed at once, the instance's ``id`` echoed; an exception becomes status ``error``
  (the process lives on) and its traceback goes to standard error.

In both modes whatever ``construct`` prints goes to standard error, not into the answer stream.
``construct`` may return an :class:`~ftc.formats.Network`, or a ``torch.nn.Sequential`` of
``Linear``/``ReLU`` (converted exactly by :func:`ftc.torch.from_torch`).
"""
import contextlib
import io
import sys
import traceback

from .formats import Answer, FormatError, Infeasible, Network, Unsupported, read_instance
from . import jsontext

OK, FAIL, BAD_INPUT, INFEASIBLE, UNSUPPORTED = 0, 1, 2, 3, 4


def _as_network(result):
    if isinstance(result, Network):
        return result
    if type(result).__module__.startswith('torch'):
        from .torch import from_torch
        return from_torch(result)
    raise TypeError('construct must return an ftc.Network (or a torch nn.Sequential), got %s' % type(result).__name__)


def answer_line(construct, line, depths=None):
    """The ``ftc-answer`` line (without newline) for one instance line; never raises."""
    instance_id = None
    try:
        doc = jsontext.loads(line)
        if isinstance(doc, dict) and isinstance(doc.get('id'), str) and not isinstance(doc.get('id'), jsontext.BareNumber):
            instance_id = doc['id']  # echoed even when the rest of the instance is unreadable
        instance = read_instance(line.encode('utf-8') if isinstance(line, str) else line)  # text, never a path
        if depths is not None and instance.depth not in depths:
            raise Unsupported('depth %d is not implemented (only %s)' % (instance.depth, ', '.join(map(str, sorted(depths)))))
        with contextlib.redirect_stdout(sys.stderr):
            g = _as_network(construct(instance))
        return Answer('network', g, instance_id).dumps()
    except Infeasible as e:
        return Answer('infeasible', None, instance_id, str(e)).dumps()
    except Unsupported as e:
        return Answer('unsupported', None, instance_id, str(e)).dumps()
    except Exception as e:  # noqa: BLE001 -- reported as status error; the process lives on
        traceback.print_exc(file=sys.stderr)
        sys.stderr.flush()
        return Answer('error', None, instance_id, '%s: %s' % (type(e).__name__, e)).dumps()


def serve_lines(construct, stdin=None, stdout=None, depths=None):
    """Line mode: answer every line of ``stdin`` until it ends."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    while True:
        line = stdin.readline()  # returns as soon as a line is there
        if not line:
            return OK
        if not line.strip():
            continue
        stdout.write(answer_line(construct, line, depths) + '\n')
        stdout.flush()  # the gate waits for this line: an unflushed answer is a timeout


def serve_once(construct, stdin=None, stdout=None, stderr=None, depths=None):
    """Process mode: one instance in, ``g`` out; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    data = stdin.buffer.read() if hasattr(stdin, 'buffer') else stdin.read()
    try:
        instance = read_instance(data.encode('utf-8') if isinstance(data, str) else data)  # text, never a path
    except FormatError as e:
        print('unreadable instance: %s' % e, file=stderr)
        return BAD_INPUT
    try:
        if depths is not None and instance.depth not in depths:
            raise Unsupported('depth %d is not implemented (only %s)' % (instance.depth, ', '.join(map(str, sorted(depths)))))
        with contextlib.redirect_stdout(stderr):
            g = _as_network(construct(instance))
    except Infeasible as e:
        print('infeasible: %s' % e, file=stderr)
        return INFEASIBLE
    except Unsupported as e:
        print('unsupported: %s' % e, file=stderr)
        return UNSUPPORTED
    except Exception:  # noqa: BLE001
        traceback.print_exc(file=stderr)
        return FAIL
    stdout.write(g.dumps())
    stdout.flush()
    return OK


def serve(construct, argv=None, depths=None):
    """Serve the gate with ``construct`` and exit: line mode when ``--line`` is among the arguments.

    ``depths`` (optional): the depths ``construct`` implements; any other depth is answered
    "unsupported" without calling it.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    line = '--line' in args
    rest = [a for a in args if a != '--line']
    if rest:
        print('usage: %s [--line]   (unexpected: %s)' % (sys.argv[0], ' '.join(rest)), file=sys.stderr)
        sys.exit(BAD_INPUT)
    sys.exit(serve_lines(construct, depths=depths) if line else serve_once(construct, depths=depths))
