import io

import pytest

from conftest import need

torch = need('torch')
onnx = need('onnx')
nn = torch.nn

from onnx import TensorProto, helper, numpy_helper  # noqa: E402
import numpy as np  # noqa: E402

from ftc import Layer, Network  # noqa: E402
from ftc.onnx import UnsupportedGraph, read_onnx, write_onnx  # noqa: E402
from ftc.torch import from_torch  # noqa: E402


def exported(model, example):
    buf = io.BytesIO()
    torch.onnx.export(model, example, buf, input_names=['x'], output_names=['y'])
    return buf.getvalue()


@pytest.mark.parametrize('dtype', [torch.float32, torch.float64])
def test_torch_export_reads_as_the_same_network_as_the_sequential_adapter(dtype):
    torch.manual_seed(5)
    m = nn.Sequential(nn.Linear(3, 6, dtype=dtype), nn.ReLU(), nn.Linear(6, 4, dtype=dtype), nn.ReLU(), nn.Linear(4, 1, dtype=dtype))
    data = exported(m, torch.randn(2, 3, dtype=dtype))
    assert [n.op_type for n in onnx.load_from_string(data).graph.node] == ['Gemm', 'Relu', 'Gemm', 'Relu', 'Gemm']
    assert read_onnx(data) == from_torch(m)


def test_matmul_plus_add_graphs():
    # a batch of shape (B, 1, 3) makes torch export MatMul + Add instead of Gemm
    torch.manual_seed(6)
    m = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
    data = exported(m, torch.randn(2, 1, 3))
    ops = [n.op_type for n in onnx.load_from_string(data).graph.node]
    assert 'MatMul' in ops and 'Add' in ops
    assert read_onnx(data) == from_torch(m)


def test_g_written_as_onnx_passes_the_checker_and_reads_back_identically(tmp_path):
    g = Network(2, [Layer([[1, 2], [0.5, -0.25], [3, 0]], [0, -1, 2 ** -30]), Layer([[1, -2, 0.125]], [7])])
    for dtype in ('float32', 'float64'):
        path = tmp_path / ('g-%s.onnx' % dtype)
        model = write_onnx(g, str(path), dtype)
        onnx.checker.check_model(onnx.load(str(path)))
        assert read_onnx(str(path)) == g
        assert model.graph.initializer[0].data_type == (TensorProto.FLOAT if dtype == 'float32' else TensorProto.DOUBLE)
    f = Network(2, [Layer([[1, 1]], [0]), Layer([[1]], [0])])
    plus = write_onnx(g, None, 'float64', plus=f)
    onnx.checker.check_model(plus)
    assert [n.op_type for n in plus.graph.node][-1] == 'Add'


def test_rational_weights_are_rounded_to_nearest():
    from fractions import Fraction
    g = Network(1, [Layer([[Fraction(1, 3)]], [0]), Layer([[1]], [0])])
    back = read_onnx(write_onnx(g, None, 'float32'))
    assert back.layers[0].weights[0][0] == Fraction(11184811, 2 ** 25)   # nearest float32 to 1/3 (see test_exact)


def _graph(nodes, inits):
    return helper.make_model(helper.make_graph(nodes, 'm', [helper.make_tensor_value_info('x', TensorProto.FLOAT, ['N', 2])],
                                               [helper.make_tensor_value_info('y', TensorProto.FLOAT, ['N', 1])],
                                               [numpy_helper.from_array(np.asarray(a, dtype=np.float32), n) for n, a in inits.items()]))


def test_the_first_unsupported_node_is_named():
    inits = {'w': [[1.0, 2.0]], 'b': [0.0]}
    m = _graph([helper.make_node('Gemm', ['x', 'w', 'b'], ['h'], transB=1), helper.make_node('Sigmoid', ['h'], ['s'], name='act'),
                helper.make_node('Tanh', ['s'], ['y'])], inits)
    with pytest.raises(UnsupportedGraph, match=r'node 1 \(Sigmoid, "act"\) is not supported'):
        read_onnx(m)
    m = _graph([helper.make_node('Gemm', ['x', 'w', 'b'], ['h'], transB=1), helper.make_node('Gemm', ['h', 'w', 'b'], ['y'], transB=1)], inits)
    with pytest.raises(UnsupportedGraph, match='two affine maps in a row'):
        read_onnx(m)
    m = _graph([helper.make_node('Gemm', ['x', 'w', 'b'], ['y'], transB=1, transA=1)], inits)
    with pytest.raises(UnsupportedGraph, match='transA=1'):
        read_onnx(m)
    m = _graph([helper.make_node('Gemm', ['x', 'w', 'b'], ['y'], transB=1, alpha=0.5, beta=2.0)], inits)
    assert read_onnx(m) == Network(2, [Layer([[0.5, 1.0]], [0])])
