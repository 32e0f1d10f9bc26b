"""Shared runner of the planted-bug implementations in this folder (docs: README.md here).

Every bug file is examples/t2u_correct.py with one planted bug: it replaces one function of that
module (or wraps its main), then calls run(). One process per instance: an ftc-instance on
standard input, an ftc-network on standard output, exit 3 for "infeasible".
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import t2u_correct  # noqa: E402

hats = t2u_correct


def run(neighbour_rule=None):
    t2u_correct.main(neighbour_rule or t2u_correct.neighbours)
