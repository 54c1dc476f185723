"""Clean a plain-text article: find its title and dateline, drop page furniture.

Rules (all general; nothing here knows any particular site):
- the title is the first non-empty line when it is short and does not end like a sentence;
- a line near the top that is little but a full date ("26 February 2021  Read: 1448", a byline
  with a date), or a wire dateline opening the lead ("WASHINGTON, Feb. 9, 2007 -- ..."), is a
  dateline: the date becomes the publication date (origin ``dateline``); the line is dropped when
  nothing but the date and furniture remain on it. A story's own sentence near the top ("On
  Sept. 11, 2001, hijackers ...") is no dateline;
- furniture lines are dropped: view counters ("Read: 1448", "Views: 20"), "More about:" and the
  tag lines after it, "Share", "Print", "Advertisement", "Related:" ...;
- a line that repeats the title (the headline printed again under itself) is dropped.
The cleaned text keeps the title once as its first paragraph, then the body paragraphs joined by
blank lines; characters inside a line (non-breaking spaces included) are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import find_date

_WS = re.compile(r"[\s\u00a0\u200b]+")
_COUNTER = re.compile(r"\b(read|reads|views?|viewed|hits|visits)\s*:?\s*[\d,.]+\b", re.I)
_FURNITURE = re.compile(
    r"^(more about|tags?|related( articles| stories)?|share( this( article)?)?|print|email|"
    r"advertisement|comments?|follow us.*|read more|see also|also read|subscribe.*|"
    r"click here.*|photo|video)\s*:?\s*$",
    re.I,
)
_TAIL_MARKERS = re.compile(r"^(more about|tags?|related( articles| stories)?)\s*:?\s*$", re.I)
_DATE_WORDS = re.compile(
    r"\b(\d{1,4}|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|at|on|updated|published|posted|"
    r"am|pm|gmt|utc|\d{1,2}:\d{2})\b",
    re.I,
)


@dataclass(frozen=True)
class Cleaned:
    text: str
    title: str | None
    dateline: date | None
    dropped: tuple[str, ...]


def norm(s: str) -> str:
    return _WS.sub(" ", s).strip().lower()


def _is_title(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 250 and not s.endswith((".", ":", ";")) and len(s.split()) <= 40


def _dateline(line: str) -> date | None:
    """The date of a dateline: a short line that is little but a date ("26 February 2021  Read:
    1448", "By Jane Roe | March 3, 2021 4:15 PM"), or a wire dateline that opens the lead however
    long it runs ("WASHINGTON, Feb. 9, 2007 -- A Pentagon office ..."). Not a story's own date
    ("On Sept. 11, 2001, hijackers crashed two planes ..." is a sentence, not a dateline)."""
    wire = _WIRE.match(line)
    if wire is not None:
        return find_date(wire["head"])
    if len(line) > 160:
        return None
    words = re.findall(r"[^\W\d_]+", _DATE_WORDS.sub(" ", _COUNTER.sub(" ", line)))
    told = [w for w in words if w.islower() and w not in _BYLINE_SMALL]  # a sentence's own words
    if len(words) > 10 or len(told) > 2:
        return None
    return find_date(line)


#: Small words a byline or a date line may hold ("By Jane Roe and John Doe, for Reuters").
_BYLINE_SMALL = frozenset({"by", "and", "of", "the", "for", "via", "in", "at", "on", "last", "updated", "published"})
#: "WASHINGTON, Feb. 9, 2007 --", "Kyiv, 3 March 2022 (AFP) -": a place, a date, a dash.
_WIRE = re.compile(r"(?P<head>(?:[A-Z][\w.'\u2019-]*,?\s+){1,4}[^-\u2013\u2014]{6,40}?)\s*(?:\([^)]{1,30}\)\s*)?(?:--?|\u2013|\u2014)\s")


def _furniture_only(line: str) -> bool:
    """True when a line holds nothing but a date, a counter and separators."""
    rest = _COUNTER.sub(" ", line)
    rest = _DATE_WORDS.sub(" ", rest)
    return not re.sub(r"[\W_]+", "", rest)


def clean_text(raw: str) -> Cleaned:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    title_line = ""
    dateline: date | None = None
    body: list[str] = []
    dropped: list[str] = []
    seen_body = 0
    for i, line in enumerate(lines):
        s = line.strip(" \t\u00a0\u200b\ufeff")
        if not s:
            body.append("")
            continue
        if title is None and seen_body == 0 and _is_title(s):
            title, title_line = _WS.sub(" ", s), s
            continue
        if _TAIL_MARKERS.match(s):
            dropped.extend(x for x in lines[i:] if x.strip())
            break
        found = _dateline(s) if seen_body < 2 else None
        if found is not None and dateline is None:
            dateline = found
        if (found is not None or _COUNTER.search(s)) and _furniture_only(s):
            dropped.append(s)
            continue
        if _FURNITURE.match(s) or (title is not None and norm(s) == norm(title)):
            dropped.append(s)
            continue
        body.append(s)
        seen_body += 1
    paragraphs = _paragraphs(body)
    if title is not None:
        paragraphs.insert(0, title_line)  # the line as written; the title field is normalised
    return Cleaned("\n\n".join(paragraphs), title, dateline, tuple(dropped))


def _paragraphs(lines: list[str]) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    for s in lines:
        if s:
            cur.append(s)
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out
