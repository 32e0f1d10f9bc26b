#!/usr/bin/env python3
"""T2U in PyTorch (float64), built on the ftc package: 3 ReLU neurons per changed sample.

Project the distinct samples to t = u . x with u = (1, T, T^2, ...) (the first T = 1, 2, ... that
keeps the exact projections apart), sort them, and for each sample whose residual r = label - f(x) is
nonzero add the hat  a relu(t - l) - (a + a') relu(t - c) + a' relu(t - rho),  a = r/(c - l),
a' = r/(rho - c), where l and rho are the neighbouring projections (distance 1 at the ends).
Everything is float64 torch: f(x) is evaluated by torch, so g is exact only up to rounding, and
the gate judges it with a tolerance (.ci/run: --profile moderate --tolerance 1e-9 --rtol 1e-9).

    ./ftc gate --impl '/usr/bin/python3 examples/torch_t2u.py --line' --line --profile moderate \
        --tolerance 1e-9 --rtol 1e-9 --eval float32 --count 500

The ftc package does the rest: reading the instance exactly, the protocol (both modes, ids,
flushing, infeasible and unsupported answers) and writing g's float64 weights bit-exactly.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'python'))  # without pip install

import torch
from torch import nn

import ftc
from ftc.torch import instance_tensors, to_torch

DTYPE = torch.float64


def projection(instance, points):
    """u = (1, T, ..., T^(d-1)) for the first T whose projections of the distinct samples are pairwise
    distinct, decided on the exact samples: two samples whose exact projections tie can round to two
    different floats, and then the hat of one lifts the other too (the gate judges g exactly)."""
    exact = set(instance.samples)
    for T in range(1, 10_000):
        if len({sum(c * T ** j for j, c in enumerate(x)) for x in exact}) == len(exact):
            u = torch.tensor([float(T) ** j for j in range(instance.dimension)], dtype=DTYPE)
            return u, points @ u
    raise RuntimeError('no projection found')


def construct(instance):
    x, y, changed = instance_tensors(instance, DTYPE)
    f = to_torch(instance.pretrained, DTYPE)
    with torch.no_grad():
        r = torch.where(changed, y - f(x).reshape(-1), torch.zeros_like(y))
    # merge repeated samples: equal rows must want equal residuals
    points, inverse = torch.unique(x, dim=0, return_inverse=True)
    residual = torch.zeros(points.shape[0], dtype=DTYPE)
    seen = torch.zeros(points.shape[0], dtype=torch.bool)
    for k in range(x.shape[0]):
        p = inverse[k]
        if seen[p] and residual[p] != r[k]:
            raise ftc.Infeasible('two equal samples need different outputs')
        residual[p], seen[p] = r[k], True
    u, t = projection(instance, points)
    order = torch.argsort(t)
    ts, rs = t[order], residual[order]
    rows, biases, out = [], [], []
    for k in range(ts.numel()):
        if rs[k] == 0:
            continue
        c = ts[k]
        left = ts[k - 1] if k > 0 else c - 1
        right = ts[k + 1] if k + 1 < ts.numel() else c + 1
        a, a2 = rs[k] / (c - left), rs[k] / (right - c)
        for position, weight in ((left, a), (c, -(a + a2)), (right, a2)):
            rows.append(u)
            biases.append(-position)
            out.append(weight)
    hidden = nn.Linear(x.shape[1], len(rows), dtype=DTYPE)
    output = nn.Linear(len(rows), 1, dtype=DTYPE)
    with torch.no_grad():
        hidden.weight.copy_(torch.stack(rows) if rows else torch.zeros(0, x.shape[1], dtype=DTYPE))
        hidden.bias.copy_(torch.stack(biases) if biases else torch.zeros(0, dtype=DTYPE))
        output.weight.copy_(torch.stack(out).reshape(1, -1) if out else torch.zeros(1, 0, dtype=DTYPE))
        output.bias.zero_()
    return nn.Sequential(hidden, nn.ReLU(), output)  # ftc.serve converts it exactly


if __name__ == '__main__':
    ftc.serve(construct, depths={2})
