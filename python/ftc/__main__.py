"""``python -m ftc``: conversions between the ftc formats, torch and ONNX (docs/python.md).

  python -m ftc check FILE...              read each document strictly; one summary line each
  python -m ftc canon FILE [--compact]     the canonical text (byte for byte what ftc writes)
  python -m ftc from-onnx MODEL.onnx       the MLP as an ftc-network (bit-exact)
  python -m ftc to-onnx NET.json OUT.onnx [--plus F.json] [--dtype float32|float64]
  python -m ftc from-torch MODEL.pt        a torch.save'd nn.Sequential as an ftc-network
  python -m ftc to-torch NET.json OUT.pt [--dtype float32|float64] [--exact]

Exit status 0 on success, 2 for a bad file or bad usage (one line on standard error; check reads
every file and names each bad one), 1 when an optional package (torch, onnx) is missing.
"""
import argparse
import sys

from .formats import Answer, FormatError, Instance, Network, Verdict, read_document, read_network


def _summary(doc):
    if isinstance(doc, Network):
        return 'ftc-network: d=%d, depth %d, hidden widths %s, %d neurons' % (doc.input_dimension, doc.depth, doc.widths, doc.neurons)
    if isinstance(doc, Instance):
        return 'ftc-instance%s: d=%d, K=%d, N=%d, depth %d, f widths %s' % (
            ' ' + doc.id if doc.id else '', doc.dimension, doc.K, doc.N, doc.depth, doc.pretrained.widths)
    if isinstance(doc, Answer):
        return 'ftc-answer: status %s%s' % (doc.status, ' (instance %s)' % doc.instance if doc.instance is not None else '')
    if isinstance(doc, Verdict):
        return 'ftc-verdict %s: %s' % (doc.instance, doc.verdict)
    return type(doc).__name__


def _write(text, path):
    if path in (None, '-'):
        sys.stdout.write(text)
    else:
        with open(path, 'w', encoding='utf-8') as fh:
            fh.write(text)


def main(argv=None):
    p = argparse.ArgumentParser(prog='python -m ftc', description='Conversions for the ftc formats.')
    sub = p.add_subparsers(dest='command', required=True)
    c = sub.add_parser('check', help='read documents strictly and summarise them')
    c.add_argument('files', nargs='+')
    c = sub.add_parser('canon', help='write a document canonically')
    c.add_argument('file')
    c.add_argument('--compact', action='store_true')
    c.add_argument('-o', '--output')
    c = sub.add_parser('from-onnx', help='ONNX MLP -> ftc-network')
    c.add_argument('model')
    c.add_argument('-o', '--output')
    c = sub.add_parser('to-onnx', help='ftc-network -> ONNX')
    c.add_argument('network')
    c.add_argument('output')
    c.add_argument('--plus', metavar='F.json', help='write f + g, f read from this ftc-network')
    c.add_argument('--dtype', choices=('float32', 'float64'), default='float64')
    c = sub.add_parser('from-torch', help="torch.save'd nn.Sequential -> ftc-network")
    c.add_argument('model')
    c.add_argument('-o', '--output')
    c = sub.add_parser('to-torch', help='ftc-network -> torch.save\'d nn.Sequential')
    c.add_argument('network')
    c.add_argument('output')
    c.add_argument('--dtype', choices=('float32', 'float64'), default='float64')
    c.add_argument('--exact', action='store_true', help='refuse weights the dtype cannot hold exactly')
    a = p.parse_args(argv)
    try:
        if a.command == 'check':
            bad = 0
            for path in a.files:  # every file is checked; a bad one is named and the others go on
                try:
                    print('%s: %s' % (path, _summary(read_document(path))), flush=True)
                except (FormatError, OSError) as e:
                    bad += 1
                    print('python -m ftc check: %s: %s' % (path, e) if not str(e).startswith(path + ':') else
                          'python -m ftc check: %s' % e, file=sys.stderr, flush=True)
            return 2 if bad else 0
        elif a.command == 'canon':
            doc = read_document(a.file)
            if isinstance(doc, Answer):
                _write(doc.dumps() + '\n', a.output)
            elif isinstance(doc, (Network, Instance)):
                _write(doc.dumps(compact=a.compact) + ('\n' if a.compact else ''), a.output)
            else:
                raise FormatError('format', 'canon writes networks, instances and answers')
        elif a.command == 'from-onnx':
            from .onnx import read_onnx
            _write(read_onnx(a.model).dumps(), a.output)
        elif a.command == 'to-onnx':
            from .onnx import write_onnx
            write_onnx(read_network(a.network), a.output, a.dtype, read_network(a.plus) if a.plus else None)
        elif a.command == 'from-torch':
            import torch
            from .torch import from_torch
            _write(from_torch(torch.load(a.model)).dumps(), a.output)
        elif a.command == 'to-torch':
            import torch
            from .torch import to_torch
            torch.save(to_torch(read_network(a.network), getattr(torch, a.dtype), a.exact), a.output)
    except ImportError as e:
        print('python -m ftc %s: needs an optional package: %s' % (a.command, e), file=sys.stderr)
        return 1
    except (FormatError, ValueError, TypeError, OSError) as e:
        print('python -m ftc %s: %s' % (a.command, e), file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
