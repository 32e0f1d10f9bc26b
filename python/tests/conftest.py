"""Shared fixtures. torch/onnx tests skip only when the package is truly absent, and fail instead
of skipping when the environment variable CI is set (.ci/run sets it): CI must run them."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'python'))


def need(module):
    """Import an optional package, or skip (fail under CI)."""
    try:
        return __import__(module)
    except ImportError as e:
        if os.environ.get('CI'):
            pytest.fail('CI is set but %s is not importable (%s): .ci/run installs it' % (module, e))
        pytest.skip('%s is not installed' % module, allow_module_level=True)


@pytest.fixture(scope='session')
def ftc_cli():
    """The repository's ./ftc launcher (builds target/ftc.jar when needed)."""
    if shutil.which('java') is None or shutil.which('mvn') is None:
        if os.environ.get('CI'):
            pytest.fail('CI is set but java/mvn are missing')
        pytest.skip('java and mvn are needed for the ./ftc command')
    launcher = str(REPO / 'ftc')
    r = subprocess.run([launcher, '--version'], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr

    def run(*args, input=None, check=True, timeout=600):
        r = subprocess.run([launcher, *args], cwd=REPO, capture_output=True, text=True, input=input, timeout=timeout)
        if check and r.returncode != 0:
            raise AssertionError('./ftc %s exited %d: %s%s' % (' '.join(args), r.returncode, r.stdout[-2000:], r.stderr[-2000:]))
        return r
    return run
