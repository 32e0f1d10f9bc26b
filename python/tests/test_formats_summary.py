"""results.jsonl: verdict lines, then one ftc-gate-summary line when the run was complete."""
import pytest

import ftc
from ftc.formats import read_verdicts

VERDICT = ('{"format":"ftc-verdict","version":1,"instance":"a","verdict":"pass","message":"ok",'
           '"neurons":3,"budget":6}\n')
SUMMARY = '{"format":"ftc-gate-summary","version":1,"complete":true,"instances":1}\n'


def test_the_summary_line_is_skipped_when_last(tmp_path):
    p = tmp_path / 'results.jsonl'
    p.write_text(VERDICT + SUMMARY)
    verdicts = read_verdicts(p)
    assert [v.verdict for v in verdicts] == ['pass']


def test_a_summary_line_before_a_verdict_is_refused(tmp_path):
    p = tmp_path / 'results.jsonl'
    p.write_text(SUMMARY + VERDICT)
    with pytest.raises(ftc.FormatError, match='must be the last'):
        read_verdicts(p)
