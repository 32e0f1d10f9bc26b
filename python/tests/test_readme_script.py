"""The README's user script runs as printed (against a wrapper for ./ftc in a scratch folder)."""
import os
import re
import subprocess
import sys

from conftest import REPO, need


def test_readme_user_script(ftc_cli, tmp_path):
    need('torch')
    text = (REPO / 'README.md').read_text()
    m = re.search(r'<!-- python-user-script -->\n```python\n(.*?)```', text, re.S)
    assert m, 'the README lost its user script'
    script = m.group(1)
    assert len(script.strip().splitlines()) <= 20
    (tmp_path / 'ftc').write_text('#!/bin/sh\nexec "%s" "$@"\n' % (REPO / 'ftc'))
    os.chmod(tmp_path / 'ftc', 0o755)
    (tmp_path / 'user.py').write_text(script)
    env = dict(os.environ, PYTHONPATH=str(REPO / 'python'))
    r = subprocess.run([sys.executable, 'user.py'], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith('pass: every sample meets its target exactly')
    assert 'float32: worst error' in r.stdout
    values = [float(v) for v in re.search(r'tensor\(\[([^\]]*)\]', r.stdout).group(1).split(',')]
    assert [round(v, 3) for v in values] == [1.0, -0.5, 2.0]
