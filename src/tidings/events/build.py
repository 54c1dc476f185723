"""From trigger hits to candidate events: roles, merging of one happening's several words,
argument ellipsis across sentences, and sub-type refinements."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Article, Mention, Quantity, Token
from .roles import Roles, make_mention, noun_roles, verb_roles
from .rules import Refinement, Rules, TriggerRule
from .tree import Sent
from .triggers import Hit

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
_DEMONSTRATIVE = frozenset({"this", "that", "it", "which", "same"})


@dataclass
class Cand:
    """A candidate event while the stage works on it (mutable, private to the stage)."""

    sent: Sent
    trigger: Token
    rule: TriggerRule
    type: str
    sub_type: str
    roles: Roles
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc: tuple[Mention, ...] = ()
    deaths: list[Quantity] = field(default_factory=list)
    inherited_from: Cand | None = None

    @property
    def violent(self) -> bool:
        return self.type in VIOLENT or self.sub_type == "Excessive force against protesters"


def _armed(t: Token | None, rules: Rules) -> bool:
    return t is not None and (t.lemma.lower() in rules.words("armed") or t.text.lower() in rules.words("armed"))


def candidate(article: Article, sent: Sent, hit: Hit, rules: Rules) -> Cand:
    t, rule = hit.token, hit.rule
    roles = verb_roles(sent, t, rule.object_role) if t.pos in ("VERB", "AUX") or t.tag.startswith("VB") else noun_roles(sent, t)
    typ, sub = rule.type, rule.sub_type
    if rule.armed_target and _armed(roles.actor2, rules):
        typ, sub = rule.armed_target
    ents = article.entities
    a1 = make_mention(article, sent, roles.actor1, ents) if roles.actor1 is not None else None
    a2 = make_mention(article, sent, roles.actor2, ents) if roles.actor2 is not None else None
    assoc = tuple(m for a in roles.assoc if (m := make_mention(article, sent, a, ents)) is not None)
    c = Cand(sent, t, rule, typ, sub, roles, a1, a2, assoc)
    _default_actor(article, c)
    return c


def _default_actor(article: Article, c: Cand) -> None:
    """Protests are by "Protesters", riots by "Rioters" (ACLED's convention), with the trigger
    as evidence when the text names no one."""
    span = article.span(c.trigger.start, c.trigger.end)
    name = {"Protests": "Protesters", "Riots": "Rioters"}.get(c.type)
    if name is None:
        return
    if c.actor1 is None:
        c.actor1 = Mention(span, name)
    elif c.actor1.canonical not in ("Protesters", "Rioters"):
        c.actor1 = Mention(c.actor1.span, name)


def merge_sentence(cands: list[Cand]) -> list[Cand]:
    """Several words of one happening in a sentence become one event: casualty words join a
    violent trigger; conjoined or nested triggers of one type join their head."""
    strong = [c for c in cands if not c.rule.casualty]
    out: list[Cand] = []
    for c in cands:
        if c.rule.casualty and any(s.violent or s.type == "Protests" for s in strong):
            continue
        head = c.sent.head(c.trigger)
        host = next((o for o in out if head is not None and o.trigger.i == head.i), None)
        if host is not None and (c.trigger.dep == "conj" or host.type == c.type or c.trigger.pos == "NOUN"):
            _fill(host, c)
            continue
        out.append(c)
    return sorted(out, key=lambda c: -c.rule.weight)


def _fill(host: Cand, c: Cand) -> None:
    """"were ambushed and fired on by X": the conjoined verb lends its actors to the first."""
    if host.actor1 is None and c.actor1 is not None:
        host.actor1, host.roles = c.actor1, replace(host.roles, actor1=c.roles.actor1)
    if host.actor2 is None and c.actor2 is not None:
        host.actor2, host.roles = c.actor2, replace(host.roles, actor2=c.roles.actor2)


def absorbs(prev: Cand | None, c: Cand) -> bool:
    """A casualty clause without its own actor right after a violent event is its outcome
    ("They were ambushed ... As a result, 613 civilians were killed")."""
    return (
        prev is not None
        and prev.violent
        and c.rule.casualty
        and c.actor1 is None
        and c.sent.index - prev.sent.index <= 2
    )


def ellipsis(article: Article, sent: Sent, prev: Cand | None, rules: Rules) -> Cand | None:
    """"This followed on 25 November by the X region": the previous event again, with the
    new sentence's own date and object."""
    if prev is None or sent.index - prev.sent.index > 2:
        return None
    for t in sent.tokens:
        if t.lemma.lower() not in rules.words("ellipsis") or t.pos != "VERB":
            continue
        subj = next(sent.kids(t.i, "nsubj", "nsubjpass"), None)
        if subj is None or subj.text.lower() not in _DEMONSTRATIVE:
            continue
        obj = next((k for p in sent.kids(t.i, "agent", "prep") if p.text.lower() == "by" for k in sent.kids(p.i, "pobj")), None)
        roles = Roles(prev.roles.actor1, prev.roles.actor2, prev.roles.assoc, obj)
        return Cand(sent, t, prev.rule, prev.type, prev.sub_type, roles, prev.actor1, prev.actor2, prev.assoc, inherited_from=prev)
    return None


def refine(cands: list[Cand], doc_lemmas: frozenset[str], rules: Rules) -> None:
    for c in cands:
        for r in rules.refinements:
            if (c.type, c.sub_type) == r.when and _refine_applies(r, c, doc_lemmas):
                c.type, c.sub_type = r.type, r.sub_type
                _default_actor_after_refine(c)
                break


def _refine_applies(r: Refinement, c: Cand, doc_lemmas: frozenset[str]) -> bool:
    words = c.sent.lemmas if r.scope == "sentence" else doc_lemmas
    if not (words & r.cues):
        return False
    if r.needs and not (words & r.needs):
        return False
    return not (r.unless and words & r.unless)


def _default_actor_after_refine(c: Cand) -> None:
    if c.type == "Riots" and c.actor1 is not None and c.actor1.canonical == "Protesters":
        c.actor1 = replace(c.actor1, canonical="Rioters")
