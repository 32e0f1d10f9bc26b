"""ONNX adapters (needs the ``onnx`` package only: no onnxruntime, no reference evaluator).

:func:`read_onnx` reads a multilayer perceptron from an ``.onnx`` model, bit-exactly from its
float32/float64 initialisers: a chain of ``Gemm`` (or ``MatMul`` followed by ``Add``) and
``Relu`` nodes from the graph's one input to its one output, as ``torch.onnx.export`` writes for an
``nn.Sequential`` of ``Linear``/``ReLU``. Anything else is refused, naming the first node that
does not fit. :func:`write_onnx` writes ``g`` (or ``f + g``) as ``Gemm``/``Relu`` nodes.
"""
from fractions import Fraction

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .exact import FLOAT32, FLOAT64, round_to_binary
from .formats import Layer, Network

__all__ = ['read_onnx', 'write_onnx', 'UnsupportedGraph']

SUPPORTED = ('Gemm', 'MatMul', 'Add', 'Relu', 'Identity')
_FLOAT_TYPES = (TensorProto.FLOAT, TensorProto.DOUBLE, TensorProto.FLOAT16)


class UnsupportedGraph(ValueError):
    """The model is not a Gemm/MatMul+Add/Relu chain; the message names the first node that is not."""


def _node_name(k, node):
    return 'node %d (%s%s)' % (k, node.op_type, ', "%s"' % node.name if node.name else '')


def _exact_matrix(a):
    if a.dtype not in (np.float32, np.float64, np.float16):
        raise UnsupportedGraph('an initialiser has dtype %s: only float16/32/64 weights are read' % a.dtype)
    return [[Fraction(float(v)) for v in row] for row in np.atleast_2d(a.astype(np.float64))]  # widening is exact


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def read_onnx(source):
    """The ftc network of an MLP in ONNX (a path, bytes, or a ``ModelProto``)."""
    if isinstance(source, onnx.ModelProto):
        model = source
    elif isinstance(source, (bytes, bytearray)):
        model = onnx.load_from_string(bytes(source))
    else:
        model = onnx.load(source)
    graph = model.graph
    consts = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    inputs = [i for i in graph.input if i.name not in consts]
    if len(inputs) != 1 or len(graph.output) != 1:
        raise UnsupportedGraph('the graph has %d inputs and %d outputs; an MLP has one of each' % (len(inputs), len(graph.output)))
    current = inputs[0].name
    layers = []
    pending = None  # [W rows (out x in), b, has_bias]
    width = None

    def const(name, k, node):
        if name not in consts:
            raise UnsupportedGraph('%s: input "%s" is neither the previous result nor an initialiser' % (_node_name(k, node), name))
        return consts[name]

    for k, node in enumerate(graph.node):
        op = node.op_type
        where = _node_name(k, node)
        if op == 'Constant':
            value = _attrs(node).get('value')
            if value is None:
                raise UnsupportedGraph('%s: only a tensor "value" Constant is supported' % where)
            consts[node.output[0]] = numpy_helper.to_array(value)
            continue
        if op not in SUPPORTED:
            raise UnsupportedGraph('%s is not supported: an MLP here is built of %s' % (where, ', '.join(SUPPORTED)))
        data = [i for i in node.input if i == current]
        if len(data) != 1:
            raise UnsupportedGraph('%s does not take the previous result "%s" as exactly one input (it takes %s)' % (where, current, list(node.input)))
        others = [i for i in node.input if i != current and i != '']
        if op == 'Identity':
            pass
        elif op == 'Relu':
            if pending is None:
                raise UnsupportedGraph('%s: Relu must follow a Gemm or MatMul' % where)
            layers.append(Layer(tuple(map(tuple, pending[0])), tuple(pending[1])))
            pending = None
        elif op in ('Gemm', 'MatMul'):
            if pending is not None:
                raise UnsupportedGraph('%s: two affine maps in a row (ftc applies ReLU between layers)' % where)
            if node.input[0] != current:
                raise UnsupportedGraph('%s: the previous result must be the first input' % where)
            a = _attrs(node)
            w = const(node.input[1], k, node)
            if w.ndim != 2:
                raise UnsupportedGraph('%s: the weight "%s" has shape %s, expected a matrix' % (where, node.input[1], w.shape))
            trans_b = a.get('transB', 0) if op == 'Gemm' else 0
            if op == 'Gemm' and a.get('transA', 0):
                raise UnsupportedGraph('%s: transA=1 is not supported' % where)
            rows = _exact_matrix(w if trans_b else w.T)  # (out x in)
            alpha = Fraction(a.get('alpha', 1.0)) if op == 'Gemm' else Fraction(1)
            rows = [[alpha * v for v in row] for row in rows]
            out = len(rows)
            if rows and width is not None and len(rows[0]) != width:
                raise UnsupportedGraph('%s: the weight reads %d inputs, the previous layer has %d' % (where, len(rows[0]), width))
            b = [Fraction(0)] * out
            has_bias = False
            if op == 'Gemm' and len(node.input) > 2 and node.input[2]:
                beta = Fraction(a.get('beta', 1.0))
                b = [beta * v for v in _bias(const(node.input[2], k, node), out, where)]
                has_bias = True
            pending = [rows, b, has_bias]
            width = out
        elif op == 'Add':
            if pending is None or pending[2]:
                raise UnsupportedGraph('%s: Add must follow a MatMul (as its bias)' % where)
            if len(others) != 1:
                raise UnsupportedGraph('%s: expected the previous result plus one initialiser' % where)
            pending[1] = [p + v for p, v in zip(pending[1], _bias(const(others[0], k, node), len(pending[1]), where))]
            pending[2] = True
        current = node.output[0]
    if pending is None:
        raise UnsupportedGraph('the graph ends %s: the last node must be a Gemm or MatMul (+ Add)' % ('with Relu' if layers else 'without any layer'))
    layers.append(Layer(tuple(map(tuple, pending[0])), tuple(pending[1])))
    if current != graph.output[0].name:
        raise UnsupportedGraph('the chain ends at "%s" but the graph output is "%s"' % (current, graph.output[0].name))
    d = len(layers[0].weights[0]) if layers[0].weights else None
    if d is None:
        raise UnsupportedGraph('the first layer has no units')
    return Network(d, tuple(layers))


def _bias(a, out, where):
    flat = np.asarray(a).reshape(-1)
    if flat.size == 1:
        flat = np.repeat(flat, out)
    if flat.size != out:
        raise UnsupportedGraph('%s: a bias of %d entries for %d units' % (where, flat.size, out))
    if flat.dtype not in (np.float32, np.float64, np.float16):
        raise UnsupportedGraph('%s: the bias has dtype %s' % (where, flat.dtype))
    return [Fraction(float(v)) for v in flat.astype(np.float64)]


def _chain(network, prefix, x, np_dtype, fmt, initialisers, nodes):
    h = x
    width = network.input_dimension
    for l, layer in enumerate(network.layers):
        w = np.array([[round_to_binary(v, fmt) for v in row] for row in layer.weights], dtype=np_dtype).reshape(layer.width, width)
        b = np.array([round_to_binary(v, fmt) for v in layer.biases], dtype=np_dtype).reshape(layer.width)
        wn, bn, out = '%s%d.weight' % (prefix, l), '%s%d.bias' % (prefix, l), '%s%d.out' % (prefix, l)
        initialisers += [numpy_helper.from_array(w, wn), numpy_helper.from_array(b, bn)]
        nodes.append(helper.make_node('Gemm', [h, wn, bn], [out], name='%sgemm%d' % (prefix, l), transB=1))
        h = out
        if l < len(network.layers) - 1:
            nodes.append(helper.make_node('Relu', [h], [out + '.relu'], name='%srelu%d' % (prefix, l)))
            h = out + '.relu'
        width = layer.width
    return h


def write_onnx(g, path=None, dtype='float64', plus=None, opset=13):
    """``g`` as an ONNX model (``plus=f``: the model of ``f + g``), input ``x`` of shape (N, d),
    output ``y`` of shape (N, 1). Each weight is rounded to the nearest ``dtype`` value (correctly
    rounded from its exact value); returns the ``ModelProto`` and saves it when ``path`` is given."""
    fmt, np_dtype, elem = {'float32': (FLOAT32, np.float32, TensorProto.FLOAT),
                           'float64': (FLOAT64, np.float64, TensorProto.DOUBLE)}[dtype]
    if plus is not None and plus.input_dimension != g.input_dimension:
        raise ValueError('f reads %d inputs, g %d' % (plus.input_dimension, g.input_dimension))
    initialisers, nodes = [], []
    out = _chain(g, 'g.', 'x', np_dtype, fmt, initialisers, nodes)
    if plus is not None:
        f_out = _chain(plus, 'f.', 'x', np_dtype, fmt, initialisers, nodes)
        nodes.append(helper.make_node('Add', [f_out, out], ['y'], name='f_plus_g'))
    else:
        nodes.append(helper.make_node('Identity', [out], ['y'], name='output'))
    graph = helper.make_graph(nodes, 'f_plus_g' if plus is not None else 'g',
                              [helper.make_tensor_value_info('x', elem, ['N', g.input_dimension])],
                              [helper.make_tensor_value_info('y', elem, ['N', 1])], initialisers)
    model = helper.make_model(graph, producer_name='ftc', opset_imports=[helper.make_opsetid('', opset)])
    onnx.checker.check_model(model)
    if path is not None:
        onnx.save(model, path)
    return model
