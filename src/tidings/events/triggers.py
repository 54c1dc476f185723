"""Find trigger tokens in a sentence and the rule each one fires."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Token
from .rules import Rules, TriggerRule
from .tree import Sent

_OBJ_DEPS = frozenset({"dobj", "obj", "nsubjpass", "prt", "compound", "amod", "attr", "oprd", "acomp", "pobj", "conj"})
_VERBISH = frozenset({"VERB", "AUX"})
_NAME_ENTS = frozenset({"FAC", "GPE", "LOC", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})


@dataclass(frozen=True, slots=True)
class Hit:
    token: Token
    rule: TriggerRule


def object_lemmas(sent: Sent, t: Token) -> set[str]:
    """Lemmas of the trigger's objects and particles, one preposition deep ("fired on X")."""
    out: set[str] = set()
    for k in sent.kids(t.i):
        if k.dep in _OBJ_DEPS:
            out.add(k.lemma.lower())
            out.add(k.text.lower())
        if k.dep in ("prep", "agent", "dobj", "prt"):
            out.update(g.lemma.lower() for g in sent.kids(k.i) if g.dep in ("pobj", "compound", "amod"))
        if k.dep == "dobj":  # "a huge quantity of explosives"
            out.update(g.lemma.lower() for p in sent.kids(k.i, "prep") if p.text.lower() == "of" for g in sent.kids(p.i, "pobj"))
    head = sent.head(t)
    if head is not None and t.dep in ("compound", "amod") and head.pos == "NOUN":
        out.add(head.lemma.lower())
    return out


def _pos_ok(t: Token, rule: TriggerRule) -> bool:
    if t.pos in rule.pos:
        return True
    return "VERB" in rule.pos and t.tag in ("VBN", "VBG", "VBD") and t.pos in ("ADJ", "NOUN")


def _background(sent: Sent, t: Token, rules: Rules) -> bool:
    """A nominal trigger under "under/according to/since..." is background, not an event
    (but "leading to the death of" is an outcome)."""
    if t.pos in _VERBISH or t.dep != "pobj":
        return False
    prep = sent.head(t)
    if prep is None or prep.text.lower() not in rules.words("background_preps"):
        return False
    return not (prep.text.lower() == "to" and t.lemma.lower() in rules.words("death"))


def rule_ok(sent: Sent, t: Token, rule: TriggerRule, rules: Rules) -> bool:
    lemma = t.lemma.lower()
    if not _pos_ok(t, rule) or (lemma in rule.verb_only and t.pos != "VERB"):
        return False
    if lemma in rule.noun_only and t.pos not in ("NOUN", "PROPN"):
        return False
    if rule.excludes_object and object_lemmas(sent, t) & rule.excludes_object:
        return False
    if rule.needs_object and (not rule.needs_object_for or lemma in rule.needs_object_for):  # noqa: SIM102
        if not (object_lemmas(sent, t) & rule.needs_object):
            return False
    if rule.needs_context and (not rule.needs_context_for or lemma in rule.needs_context_for):  # noqa: SIM102
        if not (sent.lemmas & rule.needs_context):
            return False
    if rule.nominal_needs_verb and t.pos not in _VERBISH:
        head = sent.head(t)
        if head is None or head.lemma.lower() not in rule.nominal_needs_verb:
            return False
    return not _background(sent, t, rules)


def _fires(sent: Sent, t: Token, rules: Rules) -> bool:
    return any(rule_ok(sent, t, r, rules) for r in rules.by_lemma.get(t.lemma.lower(), ()))


def find_triggers(sent: Sent, rules: Rules) -> list[Hit]:
    out: list[Hit] = []
    toks = sent.tokens
    for n, t in enumerate(toks):
        if t.is_space or t.pos in ("PUNCT", "DET", "ADP") or t.dep == "amod" or t.text.lower() == "according":
            continue
        if t.ent_type in _NAME_ENTS and t.pos == "PROPN":
            continue  # "Coal Mine Company", "Battle Creek": part of a name
        head = sent.head(t)
        if t.dep == "compound" and head is not None and (_fires(sent, head, rules) or head.lemma.lower() in rules.weapons):
            continue  # "grenade launchers", "assault rifle": the head noun decides
        hyphen = f"{t.text.lower()}-{toks[n + 2].text.lower()}" if n + 2 < len(toks) and toks[n + 1].text == "-" else ""
        cands = rules.by_lemma.get(hyphen) or rules.by_lemma.get(t.lemma.lower(), ())
        if t.text.lower() != t.lemma.lower():
            cands = tuple(cands) + rules.by_lemma.get(t.text.lower(), ())
        if not cands:
            continue
        for rule in cands:
            if rule_ok(sent, t, rule, rules):
                out.append(Hit(t, rule))
                break
    return out
