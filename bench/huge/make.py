"""Writes the huge-operand case of docs/reliability.md into a folder: an instance (K = 50 distinct
integer points in the plane, f a small integer ReLU net, 5 changes) and a 100 KB network g whose
ten output weights are 1/p for random odd p of 9,990 digits. Every exact value of f + g then has
tens of thousands of digits. Deterministic (seeded)."""
import json
import random
import sys

if hasattr(sys, 'set_int_max_str_digits'):
    sys.set_int_max_str_digits(1_000_000)
folder = sys.argv[1]
random.seed(7)
points = set()
while len(points) < 50:
    points.add((random.randint(-20, 20), random.randint(-20, 20)))
instance = {"format": "ftc-instance", "version": 1, "id": "huge-operands",
            "samples": [[str(a), str(b)] for a, b in sorted(points)],
            "pretrained": {"format": "ftc-network", "version": 1, "input_dimension": 2, "layers": [
                {"weights": [["1", "2"], ["-1", "1"]], "biases": ["0", "1"]},
                {"weights": [["1", "-1"]], "biases": ["0"]}]},
            "changes": [{"index": i, "label": str(i)} for i in range(5)], "depth": 2}
random.seed(5)
hidden = 10
network = {"format": "ftc-network", "version": 1, "input_dimension": 2, "layers": [
    {"weights": [[str(random.randint(-3, 3)), str(random.randint(-3, 3))] for _ in range(hidden)],
     "biases": [str(random.randint(-5, 5)) for _ in range(hidden)]},
    {"weights": [["1/%d" % (random.randrange(10 ** 9989, 10 ** 9990) | 1) for _ in range(hidden)]], "biases": ["0"]}]}
with open(folder + "/instance.json", "w") as out:
    json.dump(instance, out)
with open(folder + "/network.json", "w") as out:
    json.dump(network, out)
