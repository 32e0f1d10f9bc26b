#!/usr/bin/env python3
"""The reverse flow, notebook style: a trained torch f and data in, `ftc construct`, g back into torch.

  1. train a small MLP f (float32) on a toy regression task;
  2. pick samples and give a few of them new labels;
  3. write the instance (f's float32 weights and the samples bit-exactly), run `./ftc construct`
     and `./ftc verify --eval float32`;
  4. load g back into torch and check f + g in float64 and in float32.

Run from the repository root: /usr/bin/python3 examples/torch_reverse_flow.py [--depth 2|3]
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
sys.path.insert(0, os.path.join(ROOT, 'python'))  # without pip install

import torch
from torch import nn

import ftc
from ftc.torch import FineTuned, instance_from_torch, instance_tensors, to_torch

p = argparse.ArgumentParser()
p.add_argument('--depth', type=int, default=2)
p.add_argument('--samples', type=int, default=40)
depth = p.parse_args().depth
K = p.parse_args().samples

# --- 1. a pre-trained f -------------------------------------------------------------------------
torch.manual_seed(0)
f = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
xs = torch.rand(256, 2) * 4 - 2
ys = torch.sin(xs[:, :1]) * xs[:, 1:]
opt = torch.optim.Adam(f.parameters(), lr=1e-2)
for _ in range(300):
    opt.zero_grad()
    loss = ((f(xs) - ys) ** 2).mean()
    loss.backward()
    opt.step()
print('# 1. f trained: mse %.4f, %d hidden units' % (loss.item(), 32))

# --- 2. samples and new labels --------------------------------------------------------------------
x = xs[:K]
indices = [0, 5, 11, 17, 23]
labels = torch.tensor([1.5, -1.0, 0.25, 2.0, -0.5])

# --- 3. the instance, ftc construct, ftc verify ------------------------------------------------
inst = instance_from_torch(f, x, indices, labels, depth=depth, id='reverse-flow')
work = tempfile.mkdtemp(prefix='ftc-reverse-')
ipath, gpath = os.path.join(work, 'instance.json'), os.path.join(work, 'g.json')
with open(ipath, 'w') as fh:
    fh.write(inst.dumps())
ftc_cmd = os.path.join(ROOT, 'ftc')
g_text = subprocess.run([ftc_cmd, 'construct', ipath], check=True, capture_output=True, text=True).stdout
with open(gpath, 'w') as fh:
    fh.write(g_text)
verify = subprocess.run([ftc_cmd, 'verify', ipath, gpath, '--eval', 'float32'], capture_output=True, text=True)
print('# 3. ftc verify (exit %d):\n%s' % (verify.returncode, verify.stdout.strip()))
assert verify.returncode == 0

# --- 4. g back into torch ------------------------------------------------------------------------
g = ftc.read_network(g_text)
print('# 4. g: depth %d, %d neurons (K = %d, N = %d)' % (g.depth, g.neurons, inst.K, inst.N))
for dtype in (torch.float64, torch.float32):
    model = FineTuned(f.to(dtype), to_torch(g, dtype))
    xt, targets, changed = instance_tensors(inst, dtype)
    with torch.no_grad():
        err = (model(xt).reshape(-1) - targets).abs()
    print('   %s: max |f+g - target| = %.3g on changed samples, %.3g on the others'
          % (str(dtype).replace('torch.', ''), err[changed].max().item(), err[~changed].max().item()))
# exact: f + g meets every target exactly (the same verdict ftc verify gave)
assert all(inst.pretrained(s) + g(s) == inst.target(k) for k, s in enumerate(inst.samples))
print('   exact: every sample meets its target exactly')
