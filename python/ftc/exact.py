"""Exact numbers as the formats spell them (docs/formats.md, "Numbers").

Reading: an integer ``"-12"``, a fraction ``"7/3"``, a decimal ``"-2.5e-30"`` / ``"2."`` / ``".5"``,
or a hex float ``"0x1.8p-3"`` (Python's ``float.hex()`` output), given as a string or as the text of
a bare JSON number. Nothing passes through ``float``. The guards of the Java reader apply: at most
10,000 characters and an exponent within +-10,000, both checked before any digit is converted.

Writing: the canonical text the Java writers emit (``org.ftc.io.NumberWriter``): ``"n"`` or
``"n/d"`` in lowest terms, or, when that is longer than 24 characters, the shorter of a scientific
decimal ``"me k"`` and a hex float ``"0x<hex>p<e>"`` when those are exact. A float weight such as
``0.1`` (= 3602879701896397/2**55) is therefore written ``"0xcccccccccccccdp-55"``.
"""
import re
from fractions import Fraction

MAX_NUMBER_LENGTH = 10_000
MAX_EXPONENT = 10_000

_INTEGER = re.compile(r'[+-]?[0-9]+\Z')
_FRACTION = re.compile(r'([+-]?[0-9]+)/([0-9]+)\Z')
_DECIMAL = re.compile(r'([+-]?)([0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE]([+-]?[0-9]+))?\Z')
_HEX = re.compile(r'([+-]?)0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP]([+-]?[0-9]+))?\Z')
_SHORT = 24
_CHUNK = 3000  # decimal digits converted at once (below CPython's int/str conversion limit)


class NumberError(ValueError):
    """A number text the formats refuse; the message has no field path (readers add it)."""


def _shorten(s):
    return s if len(s) <= 40 else s[:37] + '...'


def int_from_decimal(digits):
    """``int(digits)`` for any length (CPython limits int(str) to 4300 digits by default)."""
    negative = digits.startswith('-')
    digits = digits.lstrip('+-')
    if len(digits) <= _CHUNK:
        v = int(digits)
    else:
        v = 0
        head = len(digits) % _CHUNK or _CHUNK
        v = int(digits[:head])
        scale = 10 ** _CHUNK
        for i in range(head, len(digits), _CHUNK):
            v = v * scale + int(digits[i:i + _CHUNK])
    return -v if negative else v


def decimal_text(n):
    """``str(n)`` for any size of integer (the inverse of :func:`int_from_decimal`)."""
    if n < 0:
        return '-' + decimal_text(-n)
    if n.bit_length() < 9000:
        return str(n)
    # Split by a power of ten of about half the digits; pad the low half with zeros.
    k = max(1, int(n.bit_length() * 0.30103) // 2)
    high, low = divmod(n, 10 ** k)
    return decimal_text(high) + decimal_text(low).rjust(k, '0')


def _exponent(digits, text):
    if digits is None:
        return 0
    stripped = digits.lstrip('+-').lstrip('0') or '0'
    if len(stripped) > 9 or int(stripped) > MAX_EXPONENT:
        raise NumberError('exponent %s in "%s" is beyond the limit of \u00b1%d' % (_shorten(digits), _shorten(text), MAX_EXPONENT))
    e = int(stripped)
    return -e if digits.startswith('-') else e


def parse_number(text, max_length=MAX_NUMBER_LENGTH):
    """The exact :class:`Fraction` spelled by ``text`` (a ``str``); raises :class:`NumberError`."""
    if not isinstance(text, str):
        raise NumberError('expected a number string, got %r' % (text,))
    if len(text) > max_length:
        raise NumberError('number has %d characters, more than the limit of %d' % (len(text), max_length))
    if not text:
        raise NumberError('empty number string')
    if _INTEGER.match(text):
        return Fraction(int_from_decimal(text))
    m = _FRACTION.match(text)
    if m:
        d = int_from_decimal(m.group(2))
        if d == 0:
            raise NumberError('zero denominator in "%s"' % _shorten(text))
        return Fraction(int_from_decimal(m.group(1)), d)
    m = _HEX.match(text)
    if m:
        sign, mantissa, exp = m.groups()
        e = _exponent(exp, text)
        whole, _, frac = mantissa.partition('.')
        v = int((whole + frac) or '0', 16)
        shift = e - 4 * len(frac)
        q = Fraction(v << shift) if shift >= 0 else Fraction(v, 1 << -shift)
        return -q if sign == '-' else q
    m = _DECIMAL.match(text)
    if m:
        sign, mantissa, exp = m.groups()
        e = _exponent(exp, text)
        whole, _, frac = mantissa.partition('.')
        v = int_from_decimal((whole + frac) or '0')
        e -= len(frac)
        q = Fraction(v * 10 ** e) if e >= 0 else Fraction(v, 10 ** -e)
        return -q if sign == '-' else q
    raise NumberError('not a number: "%s" (expected an integer, n/d, a decimal or a hex float such as 0x1.8p-3)' % _shorten(text))


def to_fraction(value):
    """An exact Fraction from a Fraction, an int, a float (its exact binary value) or a number text."""
    if isinstance(value, bool):
        raise NumberError('expected a number, got %r' % (value,))
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if value != value or value in (float('inf'), float('-inf')):
            raise NumberError('not a finite number: %r' % value)
        return Fraction(value)  # exact: a float is a dyadic rational
    if isinstance(value, str):
        return parse_number(value)
    # numpy / torch scalars
    item = getattr(value, 'item', None)
    if item is not None:
        return to_fraction(item())
    raise NumberError('expected a number, got %r' % (value,))


def _fraction_text(q):
    n, d = q.numerator, q.denominator
    return decimal_text(n) if d == 1 else decimal_text(n) + '/' + decimal_text(d)


def _hex(q):
    den = q.denominator
    if den & (den - 1):
        return None
    num = q.numerator
    if num == 0:
        return '0'
    sign = '-' if num < 0 else ''
    m = abs(num)
    e = -(den.bit_length() - 1)
    zeros = (m & -m).bit_length() - 1
    m >>= zeros
    e += zeros
    if e > MAX_EXPONENT:
        m <<= e - MAX_EXPONENT
        e = MAX_EXPONENT
    if e >= -MAX_EXPONENT:
        return '%s0x%xp%d' % (sign, m, e)
    s = -MAX_EXPONENT - e
    digits = (s + 3) // 4
    h = '%x' % (m << (4 * digits - s))
    if len(h) <= digits:
        h = '0' * (digits - len(h) + 1) + h
    whole, frac = h[:len(h) - digits], h[len(h) - digits:].rstrip('0')
    if set(whole) == {'0'}:
        whole = ''
    return '%s0x%s%sp-%d' % (sign, whole if (whole or frac) else '0', '.' + frac if frac else '', MAX_EXPONENT)


def _scientific(q):
    num, den = q.numerator, q.denominator
    twos = (den & -den).bit_length() - 1
    rest = den >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return None
    c = max(twos, fives)
    m = (num << (c - twos)) * 5 ** (c - fives)
    if m == 0:
        return '0'
    exponent = -c
    digits = decimal_text(abs(m))
    end = len(digits.rstrip('0')) or 1
    exponent += len(digits) - end
    d = digits[:end]
    sign = '-' if m < 0 else ''
    if exponent > MAX_EXPONENT:
        d += '0' * (exponent - MAX_EXPONENT)
        exponent = MAX_EXPONENT
    elif exponent < -MAX_EXPONENT:
        shift = -MAX_EXPONENT - exponent
        d = '.' + '0' * (shift - len(d)) + d if shift >= len(d) else d[:len(d) - shift] + '.' + d[len(d) - shift:]
        exponent = -MAX_EXPONENT
    return sign + d if exponent == 0 else '%s%se%d' % (sign, d, exponent)


def format_number(value):
    """The canonical exact text of ``value`` (anything :func:`to_fraction` takes)."""
    q = to_fraction(value)
    best = _fraction_text(q)
    if len(best) <= _SHORT:
        return best
    for candidate in (_scientific(q), _hex(q)):
        if candidate is not None and len(candidate) < len(best):
            best = candidate
    return best


# --------------------------------------------------------------- rounding to IEEE binary formats

FLOAT32 = (24, -126, 127)   # significand bits (with the hidden one), emin, emax
FLOAT64 = (53, -1022, 1023)


def round_to_binary(value, fmt=FLOAT64):
    """The nearest value of the IEEE format ``fmt`` (ties to even) as a Python float.

    Correctly rounded from the exact value (a Fraction rounded to float64 first and then to float32
    would round twice). Values beyond the largest finite number round to +-inf as IEEE does.
    """
    q = to_fraction(value)
    p, emin, emax = fmt
    if q == 0:
        return 0.0
    sign = -1 if q < 0 else 1
    a = abs(q)
    # e with 2**e <= a < 2**(e+1)
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    e = max(e, emin)                 # subnormals share the exponent emin
    scale = e - (p - 1)              # the unit in the last place
    scaled = a / Fraction(2) ** scale
    n, r = divmod(scaled.numerator, scaled.denominator)
    twice = 2 * r
    if twice > scaled.denominator or (twice == scaled.denominator and n % 2 == 1):
        n += 1
    if n >= 1 << p:                  # rounding carried into the next binade
        n >>= 1
        scale += 1
    if scale + (p - 1) > emax:
        return sign * float('inf')
    return sign * float(Fraction(n) * Fraction(2) ** scale)
