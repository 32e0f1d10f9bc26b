"""float64 numpy dense evaluation of f + g at every sample of an ftc instance (the comparison
baseline of docs/performance.md). Prints the read and evaluate times and how many samples miss
their target by more than 1e-9 in float64. Usage: python3 dense_numpy.py INSTANCE NETWORK"""
import json, sys, time
from fractions import Fraction
import numpy as np

def num(s):
    if "/" in s:
        n, d = s.split("/")
        return float(Fraction(int(n), int(d)))  # correctly rounded, also for integers past 1e308
    return float.fromhex(s) if "x" in s.lower() else float(s)

def layers(net):
    return [(np.array([[num(w) for w in row] for row in l["weights"]], dtype=np.float64).reshape(len(l["biases"]), -1),
             np.array([num(b) for b in l["biases"]], dtype=np.float64)) for l in net["layers"]]

def evaluate_block(ls, x):
    h = x
    for i, (w, b) in enumerate(ls):
        h = h @ w.T + b if w.shape[1] > 0 else np.tile(b, (h.shape[0], 1))
        if i < len(ls) - 1:
            h = np.maximum(h, 0)
    return h[:, 0]

def evaluate(ls, x):
    # In blocks of samples, so the hidden activations stay within about 128 MB however wide g is.
    widest = max([1] + [w.shape[0] for w, _ in ls])
    block = max(1, (1 << 24) // widest)
    return np.concatenate([evaluate_block(ls, x[i:i + block]) for i in range(0, len(x), block)])

t0 = time.time()
inst = json.load(open(sys.argv[1]))
g = json.load(open(sys.argv[2]))
x = np.array([[num(c) for c in s] for s in inst["samples"]], dtype=np.float64)
f = layers(inst["pretrained"])
gl = layers(g)
t1 = time.time()
fx = evaluate(f, x)
out = fx + evaluate(gl, x)
want = fx.copy()
for c in inst["changes"]:
    want[c["index"]] = num(c["label"])
miss = int(np.sum(np.abs(out - want) > 1e-9))
t2 = time.time()
print("numpy read %.2f s, evaluate %.2f s, %d of %d samples off by more than 1e-9" % (t1 - t0, t2 - t1, miss, len(x)))
