import pathlib
from fractions import Fraction

import pytest

import ftc
from ftc import FormatError, Instance, Layer, Network, read_answer, read_instance, read_network

NET = '{"format":"ftc-network","version":1,"input_dimension":2,"layers":[{"weights":[["1","-1"]],"biases":["0"]},{"weights":[["2"]],"biases":["1/2"]}]}'


def inst(body):
    return '{"format":"ftc-instance","version":1,' + body + '}'


def test_network_reads_and_evaluates_exactly():
    g = read_network(NET)
    assert g.input_dimension == 2 and g.depth == 2 and g.neurons == 1
    assert g([3, 1]) == Fraction(9, 2) and g([1, 3]) == Fraction(1, 2)


def test_bare_json_numbers_are_read_as_decimal_text():
    g = read_network(NET.replace('"-1"', '-0.1').replace('"1/2"', '1e-30'))
    assert g.layers[0].weights[0][1] == Fraction(-1, 10)      # not the double nearest -0.1
    assert g.layers[1].biases[0] == Fraction(1, 10 ** 30)


@pytest.mark.parametrize('doc, message', [
    (NET.replace('"layers"', '"layer"'), 'layer: unknown field (allowed: format, version, input_dimension, layers, or any "x-" key)'),
    (NET.replace('"version":1', '"version":1,"version":1'), 'duplicate key "version"'),
    (NET.replace('"version":1', '"version":"1"'), 'version: expected an integer, got the string "1"'),
    (NET.replace('"input_dimension":2', '"input_dimension":2.0'), 'input_dimension: expected an integer, got the number 2.0'),
    (NET.replace('"-1"', 'true'), 'layers[0].weights[0][1]: expected a number string, got true'),
    (NET.replace('"-1"', 'NaN'), 'not valid JSON'),
    (NET.replace('["1","-1"]', '["1"]'), 'layers[0].weights[0]: has 1 entries, expected 2 (input_dimension)'),
    (NET.replace('["2"]', '["2","3"]'), 'layers[1].weights[0]: has 2 entries, expected 1 (the width of layers[0])'),
    (NET.replace('"biases":["0"]', '"biases":["0","1"]'), 'layers[0].biases: has 2 entries but weights has 1 rows'),
    (NET.replace('[["2"]]', '[["2"],["3"]]').replace('["1/2"]', '["1/2","0"]'), 'layers[1].weights: the last layer must have exactly one output row, it has 2'),
    (NET + ' {}', '(document): unexpected content after the JSON document'),
    (NET.replace('"-1"', '"1/0"'), 'layers[0].weights[0][1]: zero denominator'),
    (NET.replace('"ftc-network"', '"ftc-instance"'), 'format: expected "ftc-network", got "ftc-instance"'),
    ('', '(document): empty input'),
])
def test_network_strictness(doc, message):
    with pytest.raises(FormatError) as e:
        read_network(doc)
    assert message in str(e.value)
    assert '\n' not in str(e.value)


def test_x_keys_are_ignored():
    assert read_network(NET.replace('"layers"', '"x-note":{"a":[1,true]},"layers"')) == read_network(NET)


def test_nesting_limit():
    deep = '[' * 70 + ']' * 70
    with pytest.raises(FormatError, match='nested deeper than the limit of 64'):
        read_network(NET.replace('"layers"', '"x-deep":' + deep + ',"layers"'))
    assert read_network(NET.replace('"layers"', '"x-deep":' + '[' * 60 + ']' * 60 + ',"layers"')) == read_network(NET)


def test_instance_rules():
    i = read_instance(inst('"samples":[["1"],["2"]],"changes":[{"index":1,"label":"5"}],"depth":2'))
    assert i.dimension == 1 and i.K == 2 and i.N == 1 and i.pretrained.neurons == 0
    assert i.target(0) == 0 and i.target(1) == 5
    bad = [
        ('"samples":[["1"]],"changes":[{"index":1,"label":"5"}],"depth":2', 'changes[0].index: integer 1 is out of range 0..0'),
        ('"samples":[["1"],["2"]],"changes":[{"index":1,"label":"5"},{"index":1,"label":"4"}],"depth":2', 'changes[1].index: sample 1 is changed twice'),
        ('"samples":[["1"]],"changes":[],"depth":2,"input_dimension":2', 'input_dimension: is 2 but samples[0] gives 1'),
        ('"samples":[["1"],["1","2"]],"changes":[],"depth":2', 'samples[1]: has 2 coordinates, expected 1 (like samples[0])'),
        ('"samples":[["1"]],"chnages":[],"depth":2', 'chnages: unknown field'),
        ('"samples":[["1"]],"changes":[],"depth":0', 'depth: integer 0 is out of range 1..1000'),
        ('"samples":[],"changes":[{"index":0,"label":"1"}],"depth":2', 'changes[0].index: there are no samples to change'),
        ('"samples":[["1"]],"changes":[],"depth":2,"pretrained":' + NET, 'pretrained.input_dimension: is 2 but the samples have 1 coordinates'),
        ('"samples":[["1"]],"changes":[],"depth":2,"pretrained":' + NET.replace('"-1"', 'null').replace('"input_dimension":2', '"input_dimension":1').replace('["1",null]', '[null]'),
         'pretrained.layers[0].weights[0][0]: expected a number string, got null'),
    ]
    for body, message in bad:
        with pytest.raises(FormatError) as e:
            read_instance(inst(body))
        assert message in str(e.value), (body, str(e.value))


def test_answers():
    a = read_answer('{"format":"ftc-answer","version":1,"instance":"s-1","status":"network","network":' + NET + '}')
    assert a.status == 'network' and a.instance == 's-1' and a.network == read_network(NET)
    assert read_answer(a.dumps()) == a
    for line, message in [
        ('{"format":"ftc-answer","version":1,"status":"maybe"}', 'status: expected'),
        ('{"format":"ftc-answer","version":1,"status":"network"}', 'network: missing required field'),
        ('{"format":"ftc-answer","version":1,"status":"infeasible","network":' + NET + '}', 'network: only allowed with status "network", the status is "infeasible"'),
        ('{"format":"ftc-answer","version":1,"status":"error","extra":1}', 'extra: unknown field'),
    ]:
        with pytest.raises(FormatError) as e:
            read_answer(line)
        assert message in str(e.value)
    line = ftc.Answer('error', message='two\nlines "quoted"').dumps()
    assert '\n' not in line and read_answer(line).message == 'two\nlines "quoted"'


def test_verdict_lines():
    line = ('{"format":"ftc-verdict","version":1,"instance":"seed1-0014","verdict":"wrong-value","message":"m",'
            '"neurons":6,"budget":6,"exit_status":0,"elapsed_ms":41,'
            '"failures":[{"index":1,"changed":true,"wanted":"1","got":"3/2"}],"stderr":"...","x-new":"kept"}')
    v = ftc.read_verdict(line)
    assert not v.passed and v.neurons == 6 and v.failures[0].got == Fraction(3, 2) and v.failures[0].changed
    assert v.extra == {'x-new': 'kept'}


def test_dataclasses_check_shapes():
    with pytest.raises(ValueError):
        Network(2, [Layer([[1]], [0])])
    with pytest.raises(ValueError):
        Network(1, [Layer([[1], [2]], [0, 0])])
    f = Network(1, [Layer([[1]], [0]), Layer([[1]], [0])])
    with pytest.raises(ValueError):
        Instance([[1]], f, {1: 2})
    i = Instance([[0.5], [2]], f, {0: '7/3'})
    assert i.changes == {0: Fraction(7, 3)} and i.samples[0][0] == Fraction(1, 2)
    assert read_instance(i.dumps()) == i and read_instance(i.dumps(compact=True)) == i


def test_infeasible_residuals():
    f = Network(1, [Layer([[0]], [0])])
    with pytest.raises(ftc.Infeasible):
        Instance([[1], [1]], f, {0: 1}).residuals()
    assert Instance([[1], [1]], f, {0: 0}).residuals() == [((Fraction(1),), Fraction(0))]


def test_python_writes_what_java_writes(ftc_cli, tmp_path):
    """Every document the Java writers produce is read here and written back byte for byte."""
    ftc_cli('example', str(tmp_path))
    files = sorted(pathlib.Path(tmp_path).glob('*.json'))
    assert len(files) >= 5
    for path in files:
        text = path.read_text()
        instance = read_instance(text)
        assert instance.dumps() == text, path.name
        for depth in ('2', '3'):
            r = ftc_cli('construct', '--depth', depth, str(path), check=False)
            if r.returncode != 0:
                assert r.returncode in (3, 4), r.stderr
                continue
            g = read_network(r.stdout)
            assert g.dumps() == r.stdout
            for k, x in enumerate(instance.samples):   # exact evaluation here agrees with the Java verdict
                assert instance.pretrained(x) + g(x) == instance.target(k)


def test_java_reads_what_python_writes(ftc_cli, tmp_path):
    f = Network(2, [Layer([[Fraction(1, 3), -2.5], [0.1, 7]], [0, Fraction(-1, 7)]), Layer([[1, -1]], [2 ** -60])])
    i = Instance([[1, 2], [Fraction(1, 3), 1e-30], [3, -4]], f, {1: Fraction(22, 7)}, 2, 'py-written')
    (tmp_path / 'i.json').write_text(i.dumps())
    g = read_network(ftc_cli('construct', str(tmp_path / 'i.json')).stdout)
    for k, x in enumerate(i.samples):
        assert i.pretrained(x) + g(x) == i.target(k)
    (tmp_path / 'g.json').write_text(g.dumps(compact=True))
    assert 'pass' in ftc_cli('verify', str(tmp_path / 'i.json'), str(tmp_path / 'g.json')).stdout


def test_a_document_of_another_format_is_named_before_its_fields():
    instance_text = inst('"samples":[["1"]],"changes":[],"depth":2')
    with pytest.raises(FormatError) as e:
        read_network(instance_text)
    assert str(e.value) == 'format: expected "ftc-network", got "ftc-instance"'
    with pytest.raises(FormatError) as e:
        read_instance(NET)
    assert str(e.value) == 'format: expected "ftc-instance", got "ftc-network"'


def test_a_path_that_names_no_file_is_refused_naming_the_path(tmp_path):
    # One line that is not JSON is a path: a missing file is said as such, not as bad JSON.
    missing = str(tmp_path / 'nosuch.json')
    with pytest.raises(FormatError) as e:
        read_network(missing)
    assert str(e.value) == missing + ': no such file'
    with pytest.raises(FormatError) as e:
        read_instance(str(tmp_path))
    assert str(e.value) == str(tmp_path) + ': is not a file'
    # JSON text is still JSON text, also when it is not valid.
    with pytest.raises(FormatError) as e:
        read_network('{"format": ')
    assert 'not valid JSON' in str(e.value)


def test_check_reads_every_file_and_names_each_bad_one(tmp_path, capsys):
    from ftc.__main__ import main
    good = tmp_path / 'g.json'
    good.write_text(NET)
    bad = tmp_path / 'bad.json'
    bad.write_text('{"format": ')
    missing = tmp_path / 'nosuch.json'
    assert main(['check', str(good), str(bad), str(missing), str(good)]) == 2
    out, err = capsys.readouterr()
    assert out.count(str(good) + ': ftc-network') == 2  # the file after the bad ones is still checked
    lines = err.strip().split('\n')
    assert len(lines) == 2
    assert lines[0].startswith('python -m ftc check: %s: ' % bad) and 'not valid JSON' in lines[0]
    assert lines[1] == 'python -m ftc check: %s: no such file' % missing
    assert main(['check', str(good)]) == 0
