#!/usr/bin/env python3
"""The planted bugs of org.ftc.prop.PlantedBugs written with Hypothesis strategies (docs/property-engine.md).

For every bug, 100 seeds (@seed), 200 examples, no database, no deadline; per bug the share of
seeds whose reported (shrunk) counterexample is the known minimum, and the median number of calls
of the test body (generation and shrinking together, and Hypothesis's final replay of the
minimum). The engine's half is VersusHypothesis.java in this folder, counted the same way.

usage: /usr/bin/python3 planted_bugs_hypothesis.py [seeds]   (Debian python3-hypothesis)
"""
import statistics
import sys
from fractions import Fraction

import hypothesis
from hypothesis import given, seed, settings, HealthCheck, strategies as st


def dot(p):
    a, b = p
    return sum(x * y for x, y in zip(a, b))


same_length_pair = st.integers(1, 8).flatmap(
    lambda n: st.tuples(st.lists(st.integers(-100, 100), min_size=n, max_size=n),
                        st.lists(st.integers(-100, 100), min_size=n, max_size=n)))
matrix = st.tuples(st.integers(1, 5), st.integers(1, 5)).flatmap(
    lambda mn: st.lists(st.lists(st.integers(-10, 10), min_size=mn[1], max_size=mn[1]), min_size=mn[0], max_size=mn[0]))
sized_unique = st.integers(1, 20).flatmap(lambda k: st.lists(st.integers(0, k), unique=True, max_size=30).map(lambda l: (k, l)))

# name, strategy, property that should hold, the known minimum (as in PlantedBugs.java)
BUGS = [
    ('int <= 100', st.integers(-100_000, 100_000), lambda x: x <= 100, 101),
    ('list sum <= 1000', st.lists(st.integers(-10_000, 10_000), max_size=30), lambda l: sum(l) <= 1000, [1001]),
    ('no duplicates', st.lists(st.integers(-1000, 1000), max_size=30), lambda l: len(set(l)) == len(l), [0, 0]),
    ('denominator <= 7', st.fractions(), lambda r: r.denominator <= 7, Fraction(1, 8)),
    ('bounded rational < 3/2', st.fractions(-10, 10), lambda r: r < Fraction(3, 2), Fraction(2)),
    ('rational sum < 1', st.lists(st.fractions(), max_size=10), lambda l: sum(l, Fraction(0)) < 1, [Fraction(1)]),
    ('bit length < 100', st.integers(-(2 ** 200 - 1), 2 ** 200 - 1), lambda x: x.bit_length() < 100, 2 ** 99),
    ('dot product >= 0', same_length_pair, lambda p: dot(p) >= 0, ([1], [-1])),
    ('matrix entries >= 0', matrix, lambda m: all(x >= 0 for row in m for x in row), [[-1]]),
    ('unique list shorter than k', sized_unique, lambda s: len(s[1]) < s[0], (1, [0])),
    ('inner sums <= 10', st.lists(st.lists(st.integers(0, 1000), max_size=10), max_size=10),
     lambda l: all(sum(i) <= 10 for i in l), [[11]]),
    ('total length <= 4', st.lists(st.lists(st.integers(0, 100), max_size=10), max_size=10),
     lambda l: sum(len(i) for i in l) <= 4, [[0, 0, 0, 0, 0]]),
]


def run(strategy, holds, s):
    calls = [0]
    first_failure = [0]  # calls up to and including the first failing one
    last_failing = [None]

    @seed(s)
    @settings(max_examples=200, database=None, deadline=None, suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
    @given(strategy)
    def test(v):
        calls[0] += 1
        if not holds(v):
            if first_failure[0] == 0:
                first_failure[0] = calls[0]
            last_failing[0] = v
            raise AssertionError('planted bug')

    try:
        test()
    except AssertionError:
        pass
    return last_failing[0], calls[0], first_failure[0] or calls[0]


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    only = sys.argv[2] if len(sys.argv) > 2 else ''
    print('hypothesis %s' % hypothesis.__version__)
    print('%-28s %8s %6s %9s %7s  %s' % ('bug', 'minimum', 'calls', 'generate', 'shrink', 'other results (count)'))
    for name, strategy, holds, minimum in BUGS:
        if only not in name:
            continue
        hits, calls, generate, shrink, other = 0, [], [], [], {}
        for s in range(seeds):
            found, n, first = run(strategy, holds, s)
            if found is not None and found == minimum:
                hits += 1
            else:
                other[repr(found)] = other.get(repr(found), 0) + 1
            calls.append(n)
            generate.append(first)
            shrink.append(n - first)
        shown = '; '.join('%s (%d)' % kv for kv in sorted(other.items(), key=lambda kv: -kv[1])[:4])
        print('%-28s %7d%% %6d %9d %7d  %s' % (name, round(100 * hits / seeds), statistics.median_low(calls),
                                              statistics.median_low(generate), statistics.median_low(shrink), shown), flush=True)


if __name__ == '__main__':
    main()
