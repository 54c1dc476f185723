"""Find a calendar date in a short string (datelines, URLs, meta values)."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s\u00a0]+" + _MON + r",?[\s\u00a0]+(?P<y>\d{4})\b", re.I)
_MDY = re.compile(r"\b" + _MON + r"[\s\u00a0]+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?[\s\u00a0]+(?P<y>\d{4})\b", re.I)
_ISO = re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_EUR = re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\b")
_URL = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)")


def _make(y: str, m: int | str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def find_date(s: str) -> date | None:
    """The first unambiguous full date written in ``s`` (day, month and year), else None."""
    for rx in (_DMY, _MDY):
        m = rx.search(s)
        if m:
            return _make(m["y"], MONTHS[m["mon"].lower()], m["d"])
    for rx in (_ISO, _EUR):
        m = rx.search(s)
        if m:
            return _make(m["y"], m["m"], m["d"])
    return None


def date_from_url(url: str) -> date | None:
    m = _URL.search(url)
    return _make(m["y"], m["m"], m["d"]) if m else None
