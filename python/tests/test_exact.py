import random
import struct
from fractions import Fraction

import pytest

from ftc.exact import (FLOAT32, FLOAT64, NumberError, decimal_text, format_number, int_from_decimal,
                       parse_number, round_to_binary)


@pytest.mark.parametrize('text, value', [
    ('-12', Fraction(-12)), ('+7', Fraction(7)), ('7/3', Fraction(7, 3)), ('-14/6', Fraction(-7, 3)),
    ('0.125', Fraction(1, 8)), ('-2.5e-30', Fraction(-25, 10 ** 31)), ('2.', Fraction(2)), ('.5', Fraction(1, 2)),
    ('1E3', Fraction(1000)), ('0x1.8p-3', Fraction(3, 16)), ('-0X.8P1', Fraction(-1)), ('0x10', Fraction(16)),
    ('0x1.999999999999ap-4', Fraction(0x1999999999999a, 2 ** 56)),
])
def test_every_spelling_is_read_exactly(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize('text', ['', ' 1', '1 ', 'NaN', 'inf', 'Infinity', '1/0', '1/-2', '0x', '1e', '--1', '1.2.3', '0x1p', '1_000'])
def test_refused(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_limits_are_checked_before_converting():
    assert parse_number('1' * 10_000) == (10 ** 10_000 - 1) // 9  # repunit
    with pytest.raises(NumberError, match='10001 characters, more than the limit of 10000'):
        parse_number('1' * 10_001)
    assert parse_number('1e10000') == 10 ** 10000
    with pytest.raises(NumberError, match='beyond the limit'):
        parse_number('1e10001')
    with pytest.raises(NumberError, match='beyond the limit'):
        parse_number('1e999999999999')
    with pytest.raises(NumberError, match='beyond the limit'):
        parse_number('0x1p-10001')


def test_float_hex_is_read_exactly():
    rng = random.Random(1)
    for _ in range(2000):
        x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        if x != x or x in (float('inf'), float('-inf')):
            continue
        assert parse_number(x.hex()) == Fraction(x)
        assert parse_number(repr(x)) == Fraction(x) or float(parse_number(repr(x))) == x  # repr is the shortest decimal


def test_long_integers_beyond_cpython_conversion_limit():
    n = 7 ** 20000  # about 16,900 digits: int(str) refuses it by default
    text = decimal_text(n)
    assert len(text) > 4300 and int_from_decimal(text) == n
    assert decimal_text(-n)[0] == '-' and int_from_decimal(decimal_text(-n)) == -n


@pytest.mark.parametrize('value, text', [
    (Fraction(0), '0'), (Fraction(-7, 3), '-7/3'), (Fraction(1, 8), '1/8'),
    (Fraction(1, 10 ** 30), '1e-30'),                       # fraction form is 32 characters
    (Fraction(0.1), '0xccccccccccccdp-55'),                  # 0.1 = 0x1.999999999999ap-4 = 0xccccccccccccd / 2**55
    (Fraction(12345678901234567890123456789), '0x27e41b3246bec9b16e398115p0'),  # an integer is dyadic: hex is shorter
    (Fraction(1, 3 * 10 ** 30), '1/3' + '0' * 30),             # neither decimal nor dyadic: stays a fraction
    (Fraction(10 ** 10001), '10e10000'),                      # exponent kept within the limit
])
def test_canonical_text(value, text):
    assert format_number(value) == text


def test_written_text_reads_back():
    rng = random.Random(2)
    for _ in range(2000):
        kind = rng.randrange(4)
        if kind == 0:
            q = Fraction(rng.randrange(-10 ** 40, 10 ** 40), rng.randrange(1, 10 ** 30))
        elif kind == 1:
            q = Fraction(rng.randrange(-10 ** 6, 10 ** 6), 10 ** rng.randrange(0, 12000))
        elif kind == 2:
            q = Fraction(rng.randrange(-2 ** 60, 2 ** 60), 2 ** rng.randrange(0, 12000))
        else:
            q = Fraction(rng.randrange(1, 10 ** 4)) * 2 ** rng.randrange(0, 11000)
        text = format_number(q)
        assert parse_number(text) == q, text
        assert len(text) <= 10_000 or len(str(q)) > 10_000


def _f32(x):
    return struct.unpack('<f', struct.pack('<f', x))[0]


def test_round_to_float32_matches_the_hardware_on_doubles():
    rng = random.Random(3)
    for _ in range(5000):
        x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        if x != x or abs(x) == float('inf') or abs(x) > 3.4e38:
            continue
        assert round_to_binary(Fraction(x), FLOAT32) == _f32(x), x.hex()


def test_round_to_float32_does_not_round_twice():
    # 1 + 2^-24 + 2^-80: above the tie between 1 and 1 + 2^-23, so it rounds up; rounded to a
    # double first it becomes the tie 1 + 2^-24, which ties-to-even sends down to 1.
    q = 1 + Fraction(1, 2 ** 24) + Fraction(1, 2 ** 80)
    assert _f32(float(q)) == 1.0
    assert round_to_binary(q, FLOAT32) == 1 + 2 ** -23


def test_round_to_float64_matches_fraction_float():
    rng = random.Random(4)
    for _ in range(3000):
        q = Fraction(rng.randrange(-10 ** 30, 10 ** 30), rng.randrange(1, 10 ** 30)) * Fraction(2) ** rng.randrange(-1080, 1000)
        assert round_to_binary(q, FLOAT64) == float(q)  # int/int true division is correctly rounded


def test_round_edges():
    assert round_to_binary(Fraction(2) ** 128, FLOAT32) == float('inf')
    assert round_to_binary(Fraction(2) ** -150, FLOAT32) == 0.0          # a tie with 0, to even
    assert round_to_binary(Fraction(3, 2 ** 151), FLOAT32) == 2.0 ** -149  # the smallest subnormal
    assert round_to_binary(-Fraction(1, 3), FLOAT32) == -_f32(1 / 3)
