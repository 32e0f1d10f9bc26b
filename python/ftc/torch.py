"""PyTorch adapters (needs torch): ``nn.Sequential`` of ``Linear``/``ReLU`` to an ftc network and
back, an instance from a torch model and data, and an instance's data as tensors.

Exactness: a float32 or float64 weight is a dyadic rational, read exactly (``float.hex`` /
``Fraction(float)``), so ``to_torch(from_torch(m))`` has bit-identical weights. The other way, a
network with exact rational weights (``ftc construct``) is rounded to the nearest value of the
dtype, each weight correctly rounded from its exact value (ties to even; no double rounding for
float32); pass ``exact=True`` to refuse any weight that would be rounded.
"""
import warnings
from fractions import Fraction

import torch
from torch import nn

from .exact import FLOAT32, FLOAT64, round_to_binary, to_fraction
from .formats import Instance, Layer, Network

__all__ = ['from_torch', 'to_torch', 'instance_from_torch', 'instance_tensors', 'FineTuned']

_FORMATS = {torch.float32: FLOAT32, torch.float64: FLOAT64}


def _exact(t):
    """The exact values of a float tensor as Fractions (nested lists)."""
    if t.dtype not in _FORMATS and t.dtype not in (torch.float16, torch.bfloat16):
        raise TypeError('expected a floating-point tensor, got dtype %s' % t.dtype)
    values = t.detach().cpu().to(torch.float64).tolist()  # float32 -> float64 is exact

    def conv(v):
        if isinstance(v, list):
            return [conv(x) for x in v]
        if v != v or v in (float('inf'), float('-inf')):
            raise ValueError('a weight is not finite: %r' % v)
        return Fraction(v)
    return conv(values)


def _linear_layers(module):
    """The (Linear, ReLU-follows) chain of an ``nn.Sequential`` (nested Sequentials are flattened)."""
    if isinstance(module, nn.Linear):
        return [module]
    if not isinstance(module, nn.Sequential):
        raise TypeError('expected an nn.Sequential of nn.Linear and nn.ReLU, got %s' % type(module).__name__)
    flat = []
    for name, m in module.named_children():
        if isinstance(m, nn.Sequential):
            flat.extend(_linear_layers(m))
        elif isinstance(m, (nn.Linear, nn.ReLU, nn.Identity)):
            flat.append(m)
        else:
            raise TypeError('module %r is %s: only nn.Linear, nn.ReLU (and nn.Identity) can be converted' % (name, type(m).__name__))
    return flat


def from_torch(module):
    """The ftc network computing exactly what ``module`` computes in exact arithmetic.

    ``module``: ``nn.Sequential(Linear, ReLU, Linear, ..., Linear)`` with one output (or a single
    ``nn.Linear``). ReLU must sit between every two Linear layers and not after the last.
    """
    parts = [m for m in _linear_layers(module) if not isinstance(m, nn.Identity)]
    layers = []
    expect_linear = True
    for k, m in enumerate(parts):
        if isinstance(m, nn.Linear):
            if not expect_linear:
                raise ValueError('two nn.Linear in a row (part %d): ftc applies ReLU between layers; put an nn.ReLU between them' % k)
            w = _exact(m.weight)
            b = _exact(m.bias) if m.bias is not None else [Fraction(0)] * m.out_features
            layers.append(Layer(tuple(map(tuple, w)), tuple(b)))
            expect_linear = False
        else:
            if expect_linear:
                raise ValueError('nn.ReLU at part %d does not follow an nn.Linear' % k)
            expect_linear = True
    if not layers:
        raise ValueError('no nn.Linear layer')
    if expect_linear:
        raise ValueError('the network ends with nn.ReLU: the last layer must be an nn.Linear')
    if layers[-1].width != 1:
        raise ValueError('the last nn.Linear has %d outputs, ftc networks have one' % layers[-1].width)
    first = next(m for m in parts if isinstance(m, nn.Linear))
    return Network(first.in_features, tuple(layers))


def _rounded(values, dtype, exact, what):
    fmt = _FORMATS[dtype]
    out = []
    for v in values:
        r = round_to_binary(v, fmt)
        if exact and Fraction(r) != v:
            raise ValueError('%s %s is not exactly representable in %s' % (what, v, dtype))
        if r in (float('inf'), float('-inf')):
            raise ValueError('%s %s overflows %s' % (what, v, dtype))
        out.append(r)
    return out


def to_torch(network, dtype=torch.float64, exact=False):
    """``nn.Sequential(Linear, ReLU, ..., Linear)`` with ``network``'s weights in ``dtype``.

    Each weight is the nearest ``dtype`` value of the exact one (``exact=True``: refuse rounding).
    A hidden layer of width 0 (as in ``f = 0``) becomes ``nn.Linear(n, 0)``.
    """
    if dtype not in _FORMATS:
        raise TypeError('dtype must be torch.float32 or torch.float64, got %s' % dtype)
    mods = []
    width = network.input_dimension
    for l, layer in enumerate(network.layers):
        with warnings.catch_warnings():  # a width-0 layer: torch warns that initialising it is a no-op
            warnings.filterwarnings('ignore', message='Initializing zero-element tensors')
            lin = nn.Linear(width, layer.width, dtype=dtype)
        with torch.no_grad():
            w = [_rounded(row, dtype, exact, 'layers[%d] weight' % l) for row in layer.weights]
            lin.weight.copy_(torch.tensor(w, dtype=dtype).reshape(layer.width, width))
            lin.bias.copy_(torch.tensor(_rounded(layer.biases, dtype, exact, 'layers[%d] bias' % l), dtype=dtype))
        mods.append(lin)
        if l < len(network.layers) - 1:
            mods.append(nn.ReLU())
        width = layer.width
    return nn.Sequential(*mods)


class FineTuned(nn.Module):
    """``f + g``: the frozen pre-trained module plus the small network, as one module."""

    def __init__(self, f, g):
        super().__init__()
        self.f = f
        self.g = g

    def forward(self, x):
        return self.f(x) + self.g(x)


def instance_from_torch(f, x, indices, labels, depth=2, id=''):
    """The instance "fine-tune ``f`` so that sample ``indices[k]`` of ``x`` takes ``labels[k]``".

    ``f``: an ``nn.Sequential`` of Linear/ReLU with one output, or ``None`` for ``f = 0``;
    ``x``: a ``(K, d)`` float tensor (its values are read exactly); ``indices``: sample numbers;
    ``labels``: a tensor or a sequence of numbers (floats exactly, Fractions, or number texts).
    """
    samples = _exact(x)
    if x.dim() != 2:
        raise ValueError('x must be a (K, d) tensor, got shape %s' % (tuple(x.shape),))
    d = x.shape[1]
    net = from_torch(f) if f is not None else Network.zero(d, 2)
    if torch.is_tensor(labels):
        labels = _exact(labels.reshape(-1))
    if torch.is_tensor(indices):
        indices = indices.reshape(-1).tolist()
    indices, labels = list(indices), list(labels)
    if len(indices) != len(labels):
        raise ValueError('%d indices but %d labels' % (len(indices), len(labels)))
    changes = {}
    for i, y in zip(indices, labels):
        if int(i) in changes:
            raise ValueError('sample %d is changed twice' % i)
        changes[int(i)] = to_fraction(y)
    return Instance(tuple(map(tuple, samples)), net, changes, depth, id)


def instance_tensors(instance, dtype=torch.float64):
    """``(x, targets, changed)``: the samples rounded to ``dtype``, the exact targets rounded to
    ``dtype``, and a bool mask of the changed samples."""
    fmt = _FORMATS[dtype]
    x = torch.tensor([[round_to_binary(c, fmt) for c in s] for s in instance.samples], dtype=dtype).reshape(instance.K, instance.dimension)
    y = torch.tensor([round_to_binary(instance.target(i), fmt) for i in range(instance.K)], dtype=dtype)
    changed = torch.tensor([i in instance.changes for i in range(instance.K)], dtype=torch.bool)
    return x, y, changed
