import io
import json
import os
import subprocess
import sys
import textwrap

import pytest

import ftc
from ftc import Layer, Network
from conftest import REPO

LINE = '{"format":"ftc-instance","version":1,"id":"%s","samples":[["0"],["1"]],"changes":[{"index":1,"label":"%s"}],"depth":%d}'


def hat_free(instance):
    """g = label * relu(x): right for these instances (sample 0 is x = 0)."""
    label = instance.changes[1]
    if label == 99:
        raise ftc.Infeasible('ninety-nine is infeasible here')
    if label == 98:
        raise RuntimeError('boom')
    print('this must not reach the answer stream')
    return Network(1, [Layer([[1]], [0]), Layer([[label]], [0])])



def serve_once(text):
    out, err = io.StringIO(), io.StringIO()
    status = ftc.serve_once(hat_free, io.StringIO(text), out, err, depths={2})
    return status, out.getvalue(), err.getvalue()


def test_process_mode_exit_statuses():
    status, out, err = serve_once(LINE % ('a', '5/2', 2))
    assert status == 0 and ftc.read_network(out)([1]) == ftc.to_fraction('5/2')
    assert 'must not reach' in err and 'must not reach' not in out
    assert serve_once(LINE % ('a', '99', 2))[0] == 3
    assert serve_once(LINE % ('a', '5', 3))[0] == 4
    status, out, err = serve_once(LINE % ('a', '98', 2))
    assert status == 1 and out == '' and 'RuntimeError: boom' in err
    status, out, err = serve_once('{"format":"ftc-instance"}')
    assert status == 2 and 'version: missing required field' in err


def test_line_mode_answers_every_line_with_its_id():
    lines = '\n'.join([LINE % ('a', '5/2', 2), LINE % ('b', '99', 2), LINE % ('c', '1', 3), LINE % ('d', '98', 2),
                       '{"format":"ftc-instance","id":"e","samples":[]}', 'not json', LINE % ('f', '7', 2)]) + '\n'
    out = io.StringIO()
    assert ftc.serve_lines(hat_free, io.StringIO(lines), out, depths={2}) == 0
    answers = [ftc.read_answer(line) for line in out.getvalue().splitlines()]
    assert [(a.instance, a.status) for a in answers] == [('a', 'network'), ('b', 'infeasible'), ('c', 'unsupported'),
                                                         ('d', 'error'), ('e', 'error'), (None, 'error'), ('f', 'network')]
    assert answers[0].network([1]) == ftc.to_fraction('5/2')
    assert answers[3].message == 'RuntimeError: boom'
    assert 'version: missing required field' in answers[4].message


def test_construct_may_return_an_nn_sequential():
    from conftest import need
    torch = need('torch')
    from ftc.torch import to_torch

    def construct(instance):
        return to_torch(Network(1, [Layer([[1]], [0]), Layer([[instance.changes[1]]], [0])]), torch.float64)
    answer = ftc.read_answer(ftc.answer_line(construct, LINE % ('a', '0.25', 2)))
    assert answer.status == 'network' and answer.network([1]) == ftc.to_fraction('1/4')


SCRIPT = textwrap.dedent('''
    import sys
    sys.path.insert(0, %r)
    import ftc
    from ftc import Layer, Network
    def construct(instance):
        print("chatter on stdout goes to stderr")
        label = instance.changes[1]
        return Network(1, [Layer([[1]], [0]), Layer([[label]], [0])])
    ftc.serve(construct, depths={2})
''') % str(REPO / 'python')


@pytest.fixture()
def script(tmp_path):
    path = tmp_path / 'impl.py'
    path.write_text(SCRIPT)
    return path


def test_a_real_process_in_both_modes(script):
    r = subprocess.run([sys.executable, str(script)], input=LINE % ('a', '3', 2), capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and ftc.read_network(r.stdout)([1]) == 3 and 'chatter' in r.stderr
    r = subprocess.run([sys.executable, str(script)], input=LINE % ('a', '3', 3), capture_output=True, text=True, timeout=60)
    assert r.returncode == 4
    p = subprocess.Popen([sys.executable, str(script), '--line'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        for k in range(3):   # an answer arrives before the next instance is written: flushed
            p.stdin.write(LINE % ('id%d' % k, str(k), 2) + '\n')
            p.stdin.flush()
            a = ftc.read_answer(p.stdout.readline())
            assert a.instance == 'id%d' % k and a.network([1]) == k
    finally:
        p.stdin.close()
        assert p.wait(timeout=60) == 0
    r = subprocess.run([sys.executable, str(script), '--bogus'], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and 'usage' in r.stderr


def test_the_gate_judges_a_package_implementation(ftc_cli, script, tmp_path):
    """The real gate, line mode and process mode, on an exact T2U written on the package."""
    impl = '%s %s' % (sys.executable, REPO / 'python' / 'tests' / 'exact_t2u.py')
    for mode in (['--line'], []):
        r = ftc_cli('gate', '--impl', impl + (' --line' if mode else ''), *mode, '--count', '60' if mode else '15',
                    '--seed', '7', '--out', str(tmp_path / ('gate' + ''.join(mode))), '--quiet', check=False)
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
        verdicts = ftc.read_verdicts(tmp_path / ('gate' + ''.join(mode)) / 'results.jsonl')
        assert len(verdicts) == (60 if mode else 15) and all(v.passed for v in verdicts)
        assert any(v.neurons for v in verdicts)  # some instances have changes (not only trivial ones)
