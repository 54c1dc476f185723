"""In-document canonical names: "President Ilham Aliyev", "Aliyev" -> "Ilham Aliyev"."""

from __future__ import annotations

import re

TITLES = frozenset(
    ["president", "vice", "prime", "minister", "foreign", "defence", "defense", "interior", "secretary", "general", "gen", "lt", "col", "colonel", "major", "maj", "capt", "captain", "sgt", "sergeant", "admiral", "commander", "chief", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "sheikh", "emir", "sultan", "pope", "rev", "reverend", "father", "bishop", "archbishop", "imam", "ayatollah", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "judge", "justice", "chancellor", "premier", "ambassador", "spokesman", "spokeswoman", "spokesperson", "deputy", "acting", "former", "late", "mp", "minister-president", "president-elect"]
)
_PERSONISH = {"PERSON"}
_WS = re.compile(r"\s+")


def strip_title(name: str) -> str:
    words = _WS.sub(" ", name).strip().split(" ")
    while len(words) > 1 and words[0].lower().strip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def canonical_names(mentions: list[tuple[str, str]]) -> list[str]:
    """One canonical name per (text, label) mention, shared by mentions of one referent.

    People: titles are dropped and a surname or partial name maps to the longest full name in
    the document that ends with it (or contains it as whole words). Organisations: an acronym
    maps to a full name whose initials spell it.
    """
    base = [strip_title(t) if label in _PERSONISH else _WS.sub(" ", t).strip() for t, label in mentions]
    people = sorted({b for b, (_, lab) in zip(base, mentions, strict=False) if lab in _PERSONISH}, key=len, reverse=True)
    orgs = sorted({b for b, (_, lab) in zip(base, mentions, strict=False) if lab == "ORG"}, key=len, reverse=True)
    out = []
    for name, (_, label) in zip(base, mentions, strict=False):
        if label in _PERSONISH:
            out.append(_longest_person(name, people))
        elif label == "ORG" and name.isupper() and 2 <= len(name) <= 6:
            out.append(_expand_acronym(name, orgs))
        else:
            out.append(name)
    return out


def _longest_person(name: str, people: list[str]) -> str:
    words = name.split()
    for full in people:
        fw = full.split()
        if len(fw) <= len(words):
            break
        if fw[-len(words) :] == words or (len(words) == 1 and words[0] in fw[1:]):
            return full
    return name


def _expand_acronym(acro: str, orgs: list[str]) -> str:
    for full in orgs:
        initials = "".join(w[0] for w in full.split() if w[:1].isupper())
        if initials == acro:
            return full
    return acro
