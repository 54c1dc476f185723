"""Clean a plain-text article: find its title and dateline, drop page furniture.

Rules (all general; nothing here knows any particular site):
- the title is the first non-empty line when it is short and does not end like a sentence;
- a short line near the top that holds a full date is a dateline: the date becomes the
  publication date (origin ``dateline``); the line is dropped when nothing but the date and
  furniture remain on it;
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
        near_top = seen_body < 2 and len(s) <= 160
        found = find_date(s) if near_top else None
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
