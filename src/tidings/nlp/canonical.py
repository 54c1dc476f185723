"""In-document canonical names: "President Ilham Aliyev", "Aliyev" -> "Ilham Aliyev";
"the U.N.", "UN" -> "United Nations" when the document spells it out."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def load_titles() -> frozenset[str]:
    """Title words (``nlp/titles.txt``; several a line allowed)."""
    text = resources.files("tidings.nlp").joinpath("titles.txt").read_text("utf-8")
    return frozenset(w for ln in text.splitlines() if not ln.startswith("#") for w in ln.split())


TITLES = load_titles()
_PERSONISH = frozenset({"PERSON"})
#: Labels whose all-capital mentions may be acronyms of a spelled-out name.
_ACRONYM_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC"})
_WS = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_MIN_NAME_WORD = 2
#: Punctuation that can cling to an entity's edges ("― Jane Roe", "Smith,").
_EDGE = " ,;:\u2015\u2014\u2013-\"\u201c\u201d\u2018\u2019'()[]"


def strip_title(name: str) -> str:
    words = _WS.sub(" ", name).strip().split(" ")
    while len(words) > 1 and words[0].lower().strip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def normalise(text: str, label: str) -> str:
    """Whitespace collapsed; no leading "the", trailing possessive or (for people) titles."""
    name = _POSSESSIVE.sub("", _ARTICLE.sub("", _WS.sub(" ", text).strip(_EDGE))).strip(_EDGE)
    if label in _PERSONISH:
        name = strip_title(name)
    return name or _WS.sub(" ", text).strip()


def canonical_names(mentions: list[tuple[str, str]]) -> list[str]:
    """One canonical name per (text, label) mention, shared by mentions of one referent.

    People: titles are dropped and a surname or first name maps to the full name in the document
    that ends (or starts) with it, the nearest one before it when several do. Organisations: an
    acronym ("ILO", "U.N.") maps to a full name whose initials spell it.
    """
    base = [normalise(t, label) for t, label in mentions]
    orgs = sorted({b for b, (_, lab) in zip(base, mentions, strict=True) if lab == "ORG"}, key=lambda o: (-len(o), o))
    full = [(k, b.split()) for k, (b, (_, lab)) in enumerate(zip(base, mentions, strict=True)) if lab in _PERSONISH]
    by_word: dict[str, list[tuple[int, list[str]]]] = {}
    for k, w in full:
        if len(w) > 1:
            by_word.setdefault(w[-1], []).append((k, w))
            if w[0] != w[-1]:
                by_word.setdefault(w[0], []).append((k, w))
    out = []
    for k, (name, (_, label)) in enumerate(zip(base, mentions, strict=True)):
        if label in _PERSONISH:
            words = name.split()
            out.append(_person(k, words, by_word.get(words[-1], [])) if words else name)
        elif label in _ACRONYM_LABELS and _is_acronym(name):
            out.append(_expand_acronym(name.replace(".", ""), orgs) or name)
        else:
            out.append(name)
    return out


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def _person(k: int, words: list[str], full: list[tuple[int, list[str]]]) -> str:
    """The full name ending (or, for a lone first name, starting) with ``words``: the nearest
    mention before ``k``, else the first after."""
    name = " ".join(words)
    if len(words) == 1 and len(name) < _MIN_NAME_WORD:
        return name
    best: tuple[int, int, int] | None = None  # (surname match, nearness, index)
    found: dict[int, list[str]] = {}
    for j, fw in full:
        if len(fw) <= len(words):
            continue
        if fw[-len(words) :] != words and not (len(words) == 1 and fw[0] == words[0]):
            continue
        near = -(k - j) if j < k else -(10**9 + j)
        key = (0 if fw[-len(words) :] == words else -1, near, j)
        if best is None or key > best:
            best = key
            found[j] = fw
    if best is None:
        return name
    return " ".join(found[best[2]])


def _expand_acronym(acro: str, orgs: list[str]) -> str | None:
    """The organisation whose capitalised words' initials spell ``acro``, if the document has one."""
    for full in orgs:
        words = [w for w in re.split(r"[\s\-]+", full) if w[:1].isupper()]
        if len(words) >= 2 and "".join(w[0] for w in words) == acro:
            return full
    return None
