"""Actors of a trigger from the parse: who acts (actor1), on whom (actor2), who else (assoc)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Article, Entity, Mention, Token
from .country import mention_country
from .tree import Sent

_MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "quantmod"})
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_SKIP_POS = frozenset({"PRON", "DET", "NUM", "PUNCT"})


@dataclass(frozen=True, slots=True)
class ActorClass:
    name: str
    heads: frozenset[str]
    country: bool
    when_modified: frozenset[str]
    default_for: frozenset[str]
    unless_modified: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: Token | None
    actor2: Token | None
    assoc: tuple[Token, ...]
    place_obj: Token | None = None


@lru_cache(maxsize=1)
def _actors_raw() -> dict[str, Any]:
    return tomllib.loads(resources.files("tidings.events").joinpath("actors.toml").read_text("utf-8"))


def unknown_perpetrator() -> str:
    return str(_actors_raw()["unknown_perpetrator"])


@lru_cache(maxsize=1)
def actor_classes() -> tuple[ActorClass, ...]:
    raw = _actors_raw()
    return tuple(
        ActorClass(
            c["name"],
            frozenset(c["heads"]),
            bool(c.get("country", False)),
            frozenset(c.get("when_modified", ())),
            frozenset(c.get("default_for", c["heads"] if not c.get("when_modified") else ())),
            frozenset(c.get("unless_modified", ())),
        )
        for c in raw["class"]
    )


def _first(sent: Sent, t: Token, *deps: str) -> Token | None:
    """The first child with one of ``deps`` that can name a participant (not a date/number)."""
    return next((k for k in sent.kids(t.i, *deps) if k.pos != "NUM" and k.ent_type not in _NOT_ACTOR_ENTS), None)


def _pobj(sent: Sent, t: Token, preps: tuple[str, ...]) -> Token | None:
    for p in sent.kids(t.i, "prep", "agent"):
        if p.text.lower() in preps:
            obj = _first(sent, p, "pobj")
            if obj is not None and obj.ent_type not in _NOT_ACTOR_ENTS:
                return obj
    return None


def _subject(sent: Sent, t: Token) -> Token | None:
    subj = _first(sent, t, "nsubj")
    cur = t
    while subj is None and cur.dep in ("conj", "xcomp", "advcl", "acl") and (h := sent.head(cur)) is not None:
        if cur.dep == "acl" and h.pos in ("NOUN", "PROPN"):
            return None
        subj = _first(sent, h, "nsubj")
        cur = h
    return subj


def conjuncts(sent: Sent, t: Token) -> tuple[Token, ...]:
    """"X, Y and Z": Y and Z for X (conj chains, in order)."""
    out: list[Token] = []
    stack = list(sent.kids(t.i, "conj"))
    while stack:
        k = stack.pop(0)
        out.append(k)
        stack.extend(sent.kids(k.i, "conj"))
    return tuple(sorted(out, key=lambda k: k.i))


def passive_subject(sent: Sent, t: Token) -> Token | None:
    """The passive subject, also when the parser hung it elsewhere ("in X, Y, a man was
    killed": the noun right before "was")."""
    subj = _first(sent, t, "nsubjpass")
    if subj is not None:
        return subj
    aux = next(sent.kids(t.i, "auxpass"), None)
    if aux is not None and sent.has(aux.i - 1):
        prev = sent.tok(aux.i - 1)
        if prev.pos in ("NOUN", "PROPN") and prev.dep in ("appos", "conj", "pobj"):
            return prev
    return None


def verb_roles(sent: Sent, t: Token, object_role: str) -> Roles:
    agent = _pobj(sent, t, ("by",))
    passive = passive_subject(sent, t)
    obj = _first(sent, t, "dobj", "obj")
    if obj is not None and obj.lemma.lower() in ("fire", "shot", "shots"):  # "opened fire on X"
        obj = _pobj(sent, t, ("on", "at", "towards", "toward")) or _pobj(sent, obj, ("on", "at", "towards", "toward"))
    a1 = agent if passive is not None or agent is not None else _subject(sent, t)
    a2 = passive if passive is not None else obj
    if t.lemma.lower() in _UNDERGO and a2 is None:  # "the officer died": the victim
        a1, a2 = None, a1
    if t.dep == "acl" and (h := sent.head(t)) is not None and h.pos in ("NOUN", "PROPN"):
        if t.tag == "VBD":  # "X, attacked ...": a finite verb mis-attached to its subject
            a1 = a1 or h
        else:  # "20 soldiers killed": the noun is the patient
            a2 = a2 or h
    assoc = conjuncts(sent, a1) if a1 is not None else ()
    place = None
    if object_role == "place":
        return Roles(a1, _pobj(sent, t, ("to",)), assoc, a2)
    if object_role == "thing":  # "X, Y and Z signed an agreement": the parties are the actors
        return Roles(a1, assoc[0] if assoc else _pobj(sent, t, ("with",)), assoc[1:], None)
    if a2 is None:
        preps = ("on", "against", "at", "with") if t.lemma.lower() in _RECIPROCAL else ("on", "against", "at")
        a2 = _pobj(sent, t, preps)
    return Roles(a1, a2, assoc, place)


def noun_roles(sent: Sent, t: Token) -> Roles:
    between = _pobj(sent, t, ("between",))
    head = sent.head(t)
    if between is None and head is not None and t.dep in ("nsubj", "nsubjpass", "dobj"):
        between = _pobj(sent, head, ("between",))
    if between is not None:
        others = conjuncts(sent, between)
        return Roles(between, others[0] if others else None, others[1:])
    a1 = _pobj(sent, t, ("by",)) or _first(sent, t, "poss") or _modifier_actor(sent, t)
    if a1 is None and head is not None and t.dep == "dobj":
        a1 = _subject(sent, head)
    if a1 is None and head is not None and t.dep == "pobj" and (verb := sent.head(head)) is not None and verb.pos == "VERB":
        a1 = _subject(sent, verb)  # "forces killed 6 civilians during a raid"
    a2 = _pobj(sent, t, ("on", "against", "of", "targeting", "with"))
    if a2 is None and head is not None and t.dep == "dobj":  # "waged 4 attacks against X"
        a2 = _pobj(sent, head, ("on", "against"))
    return Roles(a1, a2, ())


def _modifier_actor(sent: Sent, t: Token) -> Token | None:
    for k in sent.kids(t.i, "compound", "amod"):
        if k.ent_type in ("NORP", "ORG", "GPE"):
            return k
    return None


def mention_span(sent: Sent, t: Token) -> tuple[int, int]:
    """Token index range [lo, hi] of the noun phrase headed by ``t``, without determiners and
    clauses: "Armenian Armed Forces", "the Military Forces of X" -> "Military Forces of X"."""
    lo = hi = t.i
    stack = [t]
    while stack:
        cur = stack.pop()
        for k in sent.kids(cur.i):
            if k.dep in _MOD_DEPS and k.i < t.i and k.pos not in ("DET",):
                lo = min(lo, k.i)
                stack.append(k)
            elif k.dep == "punct" and k.text == "-" and lo <= k.i <= hi + 1:
                lo = min(lo, k.i)
    of = next((p for p in sent.kids(t.i, "prep") if p.text.lower() == "of"), None)
    if of is not None and (obj := _first(sent, of, "pobj")) is not None and obj.pos == "PROPN":
        hi = obj.i
    for j in range(t.i - 1, lo - 1, -1):  # never across punctuation or a date
        tok = sent.tok(j)
        if (tok.pos == "PUNCT" and tok.text != "-") or tok.ent_type in ("DATE", "TIME"):
            lo = j + 1
            break
    while lo < t.i and sent.tok(lo).pos in _SKIP_POS:
        lo += 1
    return lo, hi


_UNDERGO = frozenset({"die", "perish", "drown", "succumb"})
_RECIPROCAL = frozenset({"clash", "fight", "battle", "skirmish", "engage", "exchange", "scuffle"})
_CONTAINERS = frozenset(
    {"total", "number", "group", "majority", "dozens", "hundreds", "thousands", "scores", "band", "team", "contingent", "unit",
     # "the positions of the armed forces", "the home of a journalist": whose they are is the actor
     "position", "post", "checkpoint", "base", "outpost", "headquarters", "home", "house", "residence"}
)


def _contents(sent: Sent, t: Token) -> Token:
    """"a total of 1,960 peacekeepers" -> peacekeepers; "the positions of the army" -> army."""
    if t.lemma.lower() not in _CONTAINERS:
        return t
    of = next((p for p in sent.kids(t.i, "prep") if p.text.lower() == "of"), None)
    obj = _first(sent, of, "pobj") if of is not None else None
    return obj if obj is not None else t


def make_mention(
    article: Article, sent: Sent, t: Token, entities: tuple[Entity, ...], country: str | None = None
) -> Mention | None:
    t = _contents(sent, t)
    if t.pos in ("PRON", "DET", "NUM") or t.is_space or t.ent_type in _NOT_ACTOR_ENTS:
        return None
    lo, hi = mention_span(sent, t)
    start, end = sent.tok(lo).start, sent.tok(hi).end
    span = article.span(start, end)
    return Mention(span, canonical_actor(sent, t, entities, country))


def canonical_actor(sent: Sent, t: Token, entities: tuple[Entity, ...], country: str | None = None) -> str | None:
    """An ACLED-style name from the head noun ("Police Forces of Kenya"), else the entity's
    canonical name. ``country`` is the document's; the mention's own ("Ukrainian") wins."""
    low = t.text.lower()
    forms = {t.lemma.lower(), low, low[:-1] if low.endswith("s") else low}
    mods = {k.lemma.lower() for k in sent.kids(t.i)} | {k.text.lower() for k in sent.kids(t.i)}
    for cls in actor_classes():
        if not (forms & cls.heads) or mods & cls.unless_modified:
            continue
        if cls.when_modified and not (mods & cls.when_modified) and not (forms & cls.default_for):
            continue
        if cls.country and (where := mention_country(sent, t) or country):
            return f"{cls.name} of {where}"
        return cls.name
    for e in entities:
        if e.span.start <= t.start < e.span.end:
            return e.canonical
    return None
