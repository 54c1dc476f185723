"""Which figures count the dead: quantities tied to death words by the parse ("613 civilians
... were killed", "killing 5", "20 dead", "3 fatalities"), plus a lone victim ("a man was shot
dead" -> 1). Injuries are never fatalities."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ..model import Article, Quantity, QuantityPart, Token
from .roles import passive_subject
from .rules import Rules
from .tree import Sent

_SINGLE_DETS = frozenset({"a", "an", "one", "another", "the", "his", "her", "their", "its"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


@dataclass(frozen=True, slots=True)
class Death:
    sentence: int
    token: int  # token index of the number (or victim noun), for nearest-trigger linking
    quantity: Quantity


_VERB_KIDS = ("xcomp", "oprd", "acomp", "conj", "advmod", "nsubj", "nsubjpass", "ccomp")


def _word_kind(t: Token, rules: Rules) -> str | None:
    lem, low = t.lemma.lower(), t.text.lower()
    if lem in rules.words("injury") or low in rules.words("injury"):
        return "injury"
    if lem in rules.words("death") or low in rules.words("death"):
        return "death"
    return None


def _kind(sent: Sent, start: Token, unit: str | None, rules: Rules) -> str | None:
    """"death", "injury" or None: the casualty word the count is tied to by the parse. The walk
    up the tree stops at the first verb that is neither a casualty word nor a reporting or
    linking verb ("5 vehicles destroyed" is not a death count), and at an agent ("by 4 men")."""
    if unit and unit in rules.words("fatality_units"):
        return "death"
    if unit and unit in rules.words("non_people"):
        return None
    near = [*sent.kids(start.i, "acl", "amod", "relcl")]
    killer = start.dep == "nsubj" and start.head == start.i + 1 and any(sent.kids(start.head, "dobj"))
    if sent.has(start.i + 1) and not killer:
        near.append(sent.tok(start.i + 1))  # "14 people dead", "5 killed" (not "3 gunmen killed X")
    for t in near:
        if (k := _word_kind(t, rules)) is not None:
            return k
    prev = start
    for t in sent.ancestors(start, limit=6):
        if t.dep == "agent":
            return None
        if (k := _word_kind(t, rules)) is not None:
            doer = prev.dep == "nsubj" and t.pos == "VERB" and t.lemma.lower() not in ("die", "perish")
            return None if doer or (k == "death" and not realised(sent, t, rules)) else k
        if t.pos == "VERB" and prev.dep == "nsubj":
            return None  # "50 people tried to lynch ...": the doers, not the victims
        prev = t
        if t.pos == "VERB":
            for c in sent.kids(t.i, *_VERB_KIDS):
                if c.i != start.i and (k := _word_kind(c, rules)) is not None:
                    return k
            if t.lemma.lower() not in rules.words("passthrough"):
                return None
    return None


def find_deaths(article: Article, sents: tuple[Sent, ...], rules: Rules) -> list[Death]:
    """Death counts in document order (explicit "N fatalities" totals win over the rest)."""
    out: list[Death] = []
    if not article.quantities:
        return out
    starts = [t.start for t in article.tokens]
    bases = [s.base for s in sents]
    for q in article.quantities:
        i = max(0, bisect.bisect_right(starts, q.span.end - 1) - 1)
        n = bisect.bisect_right(bases, i) - 1
        sent = sents[n] if n >= 0 else None
        if sent is None or not sent.has(i):
            continue
        if _partitive(article, q.span.start) or not q.value:
            continue
        if _kind(sent, sent.tok(i), q.unit, rules) == "death":
            out.append(Death(sent.index, i, q))
    totals = [d for d in out if (d.quantity.unit or "") in ("fatality", "fatalities")]
    return totals or out


def _partitive(article: Article, start: int) -> bool:
    """"of the 6,000 inhabitants, 613 were killed": the population, not the dead."""
    before = article.text[max(0, start - 8) : start].lower().split()
    return before[-2:] == ["of", "the"]


_MANNER_DEPS = ("oprd", "advmod", "acomp", "xcomp", "prep", "pobj")


def _fatal_manner(sent: Sent, t: Token, death: frozenset[str]) -> bool:
    """"shot dead", "fatally shot", "shot to death"."""
    for k in sent.kids(t.i, *_MANNER_DEPS):
        if k.lemma.lower() in death or any(g.lemma.lower() in death for g in sent.kids(k.i, "pobj")):
            return True
    return False


def _victims(sent: Sent, trigger: Token) -> list[Token]:
    out = list(sent.kids(trigger.i, "nsubjpass", "dobj", "nsubj"))
    if not out and (p := passive_subject(sent, trigger)) is not None:
        out.append(p)
    if not out and trigger.dep == "conj" and (h := sent.head(trigger)) is not None:
        out = list(sent.kids(h.i, "nsubjpass", "dobj"))  # "was attacked and beaten to death"
    if trigger.pos == "NOUN":
        out.extend(sent.kids(trigger.i, "poss"))  # "resulting in his death"
    if trigger.dep in ("oprd", "acomp", "xcomp", "ccomp") and (h := sent.head(trigger)) is not None:
        out.extend(sent.kids(h.i, "dobj", "nsubjpass"))  # "leaving the driver dead"
    for p in sent.kids(trigger.i, "prep"):
        if p.text.lower() == "of":  # "the death of the commander"
            out.extend(sent.kids(p.i, "pobj"))
    return out


_BACKGROUND = frozenset({"after", "following", "since", "before"})


def _background(sent: Sent, t: Token) -> bool:
    """"protested after two children were killed", "following the death of X": an earlier
    happening given as the cause; its dead belong to another event."""
    if any(k.dep == "mark" and k.text.lower() in _BACKGROUND for k in sent.kids(t.i)):
        return True
    head = sent.head(t)
    return t.dep == "pobj" and head is not None and head.text.lower() in _BACKGROUND


def realised(sent: Sent, trigger: Token, rules: Rules) -> bool:
    """A death that happened: not "threatened to kill", not "died of covid", a body found."""
    if any(k.dep in ("neg", "aux") and k.text.lower() in ("not", "n't", "never", "will", "would", "could", "may", "might") for k in sent.kids(trigger.i)):
        return False
    head = sent.head(trigger)
    if trigger.dep == "xcomp" and head is not None and head.lemma.lower() in rules.words("unrealised"):
        return False  # "attempted to assassinate", "threatened to kill"
    if any(k.dep == "cc" and k.text.lower() == "or" for k in sent.kids(trigger.i)):
        return False  # "killed, injured or captured": not a death count
    if _background(sent, trigger):
        return False
    natural = rules.words("natural_causes")
    for k in sent.kids(trigger.i, "prep", "advcl", "agent"):
        if k.lemma.lower() in natural or any(g.lemma.lower() in natural for g in sent.kids(k.i, "pobj", "dobj", "compound", "amod")):
            return False
    if trigger.pos == "NOUN" and trigger.lemma.lower() in ("body", "corpse"):
        return bool(sent.verbs_any & rules.words("body_verbs"))
    return True


def lone_victim(article: Article, sent: Sent, trigger: Token, rules: Rules) -> Quantity | None:
    """"a man was killed", "killing a soldier", "X and his bodyguard were shot dead": deaths
    without a number (one per person named)."""
    death = rules.words("death")
    if trigger.lemma.lower() not in death and not _fatal_manner(sent, trigger, death):
        return None
    if not realised(sent, trigger, rules):
        return None
    for v in _victims(sent, trigger):
        if v.dep == "nsubj" and trigger.lemma.lower() not in ("die", "perish", "dead", "death"):
            continue  # the subject of "killed" is the killer
        if v.lemma.lower() in rules.words("non_people"):
            continue
        if v.text.lower() in _PERSON_PRONOUNS or (v.lemma.lower() == "other" and any(sent.kids(v.i, "det"))):
            return Quantity(article.span(v.start, v.end), 1, 1, 1, "person")  # "he", "the other"
        single = v.tag == "NN" and any(d.text.lower() in _SINGLE_DETS for d in sent.kids(v.i, "det", "nummod", "poss"))
        if (single and v.lemma.lower() not in rules.words("collective")) or (v.ent_type == "PERSON" and v.pos == "PROPN"):
            n = 1 + sum(1 for c in sent.kids(v.i, "conj") if c.tag in ("NN", "NNP") and not any(sent.kids(c.i, "nummod")))
            return Quantity(article.span(v.start, v.end), n, n, n, v.text.lower() if v.pos != "PROPN" else "person")
    return None


def combine(qs: list[Quantity]) -> Quantity | None:
    """Several death counts of one event: their sum, the parts listed."""
    if not qs:
        return None
    if len(qs) == 1:
        return qs[0]
    total = sum(q.value or 0 for q in qs)
    parts = tuple(QuantityPart(q.value or 0, q.unit or "", q.span) for q in qs)
    return replace(qs[0], value=total, low=total, high=total, parts=parts, unit=qs[0].unit)
