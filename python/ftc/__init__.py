"""ftc for Python: the exact interchange formats, the gate protocol, and (optionally) PyTorch and
ONNX adapters for the ftc suite (docs/python.md).

The core needs only the standard library; ``ftc.torch`` needs torch, ``ftc.onnx`` needs onnx.
"""
from .exact import format_number, parse_number, round_to_binary, to_fraction, FLOAT32, FLOAT64
from .formats import (Answer, FormatError, Instance, Layer, Network, SampleFailure, Verdict, read_answer,
                      read_document, read_instance, read_network, read_verdict, read_verdicts)
from .protocol import Infeasible, Unsupported, answer_line, serve, serve_lines, serve_once

__version__ = '0.1.0'
__all__ = ['Answer', 'FormatError', 'Infeasible', 'Instance', 'Layer', 'Network', 'SampleFailure', 'Unsupported',
           'Verdict', 'answer_line', 'format_number', 'parse_number', 'read_answer', 'read_document',
           'read_instance', 'read_network', 'read_verdict', 'read_verdicts', 'round_to_binary', 'serve',
           'serve_lines', 'serve_once', 'to_fraction', 'FLOAT32', 'FLOAT64']
