"""Vietnamese numerals: "." groups thousands, "," marks decimals; ranges, fractions and years."""
from __future__ import annotations

import re

__all__ = ["parse_number", "parse_range", "parse_fraction", "is_year", "clean"]

_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL = re.compile(r"^\d+(?:,\d+)?$")
_EN_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3}){2,}$")
_RANGE = re.compile(r"^(\d[\d.,]*)[-–](\d[\d.,]*)$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")


def parse_number(text: str) -> float | None:
    """Value of a Vietnamese numeral: "." groups thousands, "," marks decimals.

    Examples
    --------
    >>> parse_number("1.348"), parse_number("115.830"), parse_number("2,5"), parse_number("1.234,5")
    (1348.0, 115830.0, 2.5, 1234.5)
    >>> parse_number("6.2") is None  # a date (6 February), not a number
    True
    """
    if _THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    return None


def parse_range(text: str) -> tuple[float, float] | None:
    """ "700-800" -> (700, 800); periods of years and dates ("2021-2025", "10-7") -> None.

    >>> parse_range("700-800"), parse_range("2021-2025")
    ((700.0, 800.0), None)
    """
    m = _RANGE.match(text)
    if not m:
        return None
    low, high = parse_number(m.group(1)), parse_number(m.group(2))
    if low is None or high is None or low >= high or is_year(m.group(1)) and is_year(m.group(2)):
        return None
    return low, high


def parse_fraction(text: str) -> tuple[float, float] | None:
    """ "4/7" -> (4, 7): a part of a whole. A whole of 100 or more is a fraction only
    when the part is more than one ("238/262", but not the scale "1/500") and the
    whole is no year ("2/2024": a month).

    >>> parse_fraction("4/7"), parse_fraction("238/262"), parse_fraction("1/500"), parse_fraction("2/2024")
    ((4.0, 7.0), (238.0, 262.0), None, None)
    """
    m = _FRACTION.match(text)
    if not m:
        return None
    part, whole = float(m.group(1)), float(m.group(2))
    if not 0 < part <= whole:
        return None
    if whole >= 100 and (part <= 1 or is_year(m.group(2))):
        return None
    return part, whole


def is_year(text: str) -> bool:
    """A four-digit number between 1900 and 2100.

    >>> is_year("2024"), is_year("1.348")
    (True, False)
    """
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100


def clean(value: float) -> float:
    """Round away float noise (0.1 * 3 -> 0.3)."""
    return float(round(value, 6))
