#!/usr/bin/env python3
"""Planted-bug benchmark of the gate's shrinking (README.md here; numbers in docs/gate.md).

For every bug and seed: find a failing instance (the gate on generated instances of that seed, in
line mode, which the bug files serve too, without shrinking), then shrink it the way a user would
meet it: `ftc gate --impl 'python3 BUG.py' --instances FILE`, one process per instance, default
budgets (30 s of shrinking). Prints one row per (bug, seed) and a summary per bug: shrunk K, N, d,
whether f is zero, the longest number, tries, seconds, the verdict, and whether the known minimum
for that verdict (MINIMA, OTHER_VERDICT_MINIMA, derived by hand in README.md, not from the
shrinker) was reached.

usage: [FTC_JAR=target/ftc.jar] python3 examples/buggy/benchmark.py [--seeds N] [--bugs a,b] [--find-count N] [--shrink-seconds S]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# bug -> (K, N, d, f is zero): the smallest failing instance, derived by hand (README.md)
MINIMA = {
    'wrong_neighbour': (3, 1, 1, True),
    'forgot_f': (1, 1, 1, False),
    'skips_last_change': (1, 1, 1, True),
    'wrong_sign': (2, 1, 1, True),
    'extra_neuron': (1, 0, 1, True),
    'crash_all_changed': (1, 1, 1, True),
    'false_infeasible': (2, 1, 2, True),
    'float_coordinates': (1, 1, 1, True),
    'cell_boundary': (2, 2, 1, True),
}
# (bug, verdict) -> the smallest instance failing with that verdict, where a bug fails in a second
# way (README.md): the shrinker keeps the verdict, so it is judged against that kind's minimum
OTHER_VERDICT_MINIMA = {
    ('forgot_f', 'false-infeasible'): (2, 1, 1, False),
}
# bug -> the depth its implementation constructs (2 unless listed)
DEPTH = {'cell_boundary': 3}

SHRUNK = re.compile(r'shrunk from K = (\d+), N = (\d+), d = (\d+) to K = (\d+), N = (\d+), d = (\d+) in (\d+) tries, ([0-9.]+) s')


def ftc(args, timeout=600):
    # FTC_JAR: a fixed build to measure (else ./ftc, which rebuilds when the sources change)
    jar = os.environ.get('FTC_JAR')
    cmd = ['java', '-Xss8m', '-jar', jar] if jar else [os.path.join(ROOT, 'ftc')]
    return subprocess.run(cmd + args, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def find_failure(bug, seed, count, work):
    out = os.path.join(work, 'find')
    shutil.rmtree(out, ignore_errors=True)
    ftc(['gate', '--impl', 'python3 examples/buggy/%s.py --line' % bug, '--line', '--count', str(count), '--seed', str(seed),
         '--depth', str(DEPTH.get(bug, 2)), '--shrink-seconds', '0', '--quiet', '--out', out])
    cases = os.path.join(out, 'cases')
    if not os.path.isdir(cases):
        return None
    first = sorted(os.listdir(cases))[0]
    return os.path.join(cases, first, 'original.json')


def numbers(doc):
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k not in ('format', 'id'):
                yield from numbers(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from numbers(v)
    elif isinstance(doc, str):
        yield doc


def f_is_zero(inst):
    f = inst.get('pretrained')
    return f is None or all(n in ('0', '-0') for n in numbers(f))


def shrink(bug, instance, work, shrink_seconds):
    out = os.path.join(work, 'shrink')
    shutil.rmtree(out, ignore_errors=True)
    args = ['gate', '--impl', 'python3 examples/buggy/%s.py' % bug, '--instances', instance, '--quiet', '--out', out]
    if shrink_seconds is not None:
        args += ['--shrink-seconds', str(shrink_seconds)]
    start = time.time()
    r = ftc(args)
    wall = time.time() - start
    m = SHRUNK.search(r.stdout)
    if not m:
        return None
    files = os.listdir(os.path.join(out, 'counterexamples'))
    with open(os.path.join(out, 'counterexamples', files[0])) as fh:
        inst = json.load(fh)
    k0, n0, d0, k, n, d, tries, secs = m.groups()
    verdict = None  # of the one instance given (its first verdict record; the case is named by the file)
    with open(os.path.join(out, 'results.jsonl')) as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get('format') == 'ftc-verdict' and verdict is None:
                verdict = rec['verdict']
    return dict(k0=int(k0), n0=int(n0), d0=int(d0), k=int(k), n=int(n), d=int(d), f0=f_is_zero(inst), verdict=verdict,
                longest=max(len(x) for x in numbers(inst)), tries=int(tries), secs=float(secs), wall=wall)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--seeds', type=int, default=10)
    p.add_argument('--bugs', default=','.join(MINIMA))
    p.add_argument('--find-count', type=int, default=200)
    p.add_argument('--shrink-seconds', type=int, default=None, help='default: the gate default (30)')
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix='ftc-buggy-')
    print('%-18s %4s  %-10s %-10s %5s %7s %5s %6s  %-7s %s' % ('bug', 'seed', 'K,N,d', 'shrunk', 'f=0', 'longest', 'tries', 's', 'minimum', 'verdict'))
    summary = []
    for bug in a.bugs.split(','):
        rows = []
        for seed in range(1, a.seeds + 1):
            inst = find_failure(bug, seed, a.find_count, work)
            if inst is None:
                print('%-18s %4d  no failure in %d generated instances' % (bug, seed, a.find_count))
                continue
            kept = os.path.join(work, 'failing.json')
            shutil.copy(inst, kept)
            r = shrink(bug, kept, work, a.shrink_seconds)
            if r is None:
                print('%-18s %4d  not shrunk (see the gate output)' % (bug, seed))
                continue
            hit = (r['k'], r['n'], r['d'], r['f0']) == OTHER_VERDICT_MINIMA.get((bug, r['verdict']), MINIMA[bug])
            rows.append((r, hit))
            print('%-18s %4d  %-10s %-10s %5s %7d %5d %6.1f  %-7s %s' % (
                bug, seed, '%d,%d,%d' % (r['k0'], r['n0'], r['d0']), '%d,%d,%d' % (r['k'], r['n'], r['d']),
                'yes' if r['f0'] else 'no', r['longest'], r['tries'], r['secs'], 'yes' if hit else 'no', r['verdict']), flush=True)
        summary.append((bug, rows))
    print()
    print('%-18s %-10s %6s %9s %9s %9s %8s' % ('bug', 'minimum', 'runs', 'reached', 'max K', 'median s', 'max s'))
    total = hits = 0
    for bug, rows in summary:
        if not rows:
            print('%-18s no runs' % bug)
            continue
        secs = sorted(r['secs'] for r, _ in rows)
        h = sum(1 for _, hit in rows if hit)
        total += len(rows)
        hits += h
        k, n, d, f0 = MINIMA[bug]
        print('%-18s %-10s %6d %8d%% %9d %9.1f %8.1f' % (bug, '%d,%d,%d%s' % (k, n, d, ',f=0' if f0 else ''), len(rows),
                                                      round(100 * h / len(rows)), max(r['k'] for r, _ in rows),
                                                      secs[len(secs) // 2], secs[-1]))
    if total:
        print('\nreached the known minimum: %d of %d (%d%%)' % (hits, total, round(100 * hits / total)))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
