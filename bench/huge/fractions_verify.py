"""The Python baseline for the huge-operand case: evaluates f + g exactly with fractions.Fraction at
every sample and counts the samples that miss their target (the same arithmetic as `ftc verify`,
without its tolerance options and messages). Prints the count and the seconds it took."""
import json
import sys
import time
from fractions import Fraction

if hasattr(sys, 'set_int_max_str_digits'):
    sys.set_int_max_str_digits(1_000_000)
start = time.time()
instance = json.load(open(sys.argv[1]))
network = json.load(open(sys.argv[2]))


def layers(doc):
    return [([[Fraction(w) for w in row] for row in layer["weights"]], [Fraction(b) for b in layer["biases"]])
            for layer in doc["layers"]]


def evaluate(net, x):
    for i, (weights, biases) in enumerate(net):
        x = [sum((w * v for w, v in zip(row, x)), Fraction(0)) + b for row, b in zip(weights, biases)]
        if i < len(net) - 1:
            x = [max(v, Fraction(0)) for v in x]
    return x[0]


f, g = layers(instance["pretrained"]), layers(network)
changes = {c["index"]: Fraction(c["label"]) for c in instance["changes"]}
missed = 0
for i, sample in enumerate(instance["samples"]):
    x = [Fraction(v) for v in sample]
    fx = evaluate(f, x)
    target = changes.get(i, fx)
    missed += fx + evaluate(g, x) != target
print("%d of %d samples miss their target; %.2f s" % (missed, len(instance["samples"]), time.time() - start))
