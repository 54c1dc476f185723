"""The event rules of ``rules.toml``, loaded once into frozen objects."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemmas: frozenset[str]
    pos: frozenset[str]
    type: str
    sub_type: str
    plover: str
    weight: int
    needs_object: frozenset[str] = frozenset()
    needs_object_for: frozenset[str] = frozenset()
    needs_context: frozenset[str] = frozenset()
    needs_context_for: frozenset[str] = frozenset()
    nominal_needs_verb: frozenset[str] = frozenset()
    object_role: str = "actor2"
    armed_target: tuple[str, str] | None = None
    state_actor: tuple[str, str] | None = None
    casualty: bool = False
    weak: bool = False
    verb_only: frozenset[str] = frozenset()
    noun_only: frozenset[str] = frozenset()
    excludes_object: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Refinement:
    when: tuple[str, str]
    cues: frozenset[str]
    needs: frozenset[str]
    unless: frozenset[str]
    verbs_only: frozenset[str]
    any_verb: frozenset[str]
    scope: str
    type: str
    sub_type: str


@dataclass(frozen=True, slots=True)
class Rules:
    triggers: tuple[TriggerRule, ...]
    by_lemma: Mapping[str, tuple[TriggerRule, ...]]
    refinements: tuple[Refinement, ...]
    lex: Mapping[str, frozenset[str]]
    weapons: Mapping[str, str]  # weapon lemma -> sub_type
    residual: TriggerRule | None = None

    def words(self, name: str) -> frozenset[str]:
        return self.lex[name]


def _fs(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw.get(key, ()))


def _trigger(raw: dict[str, Any]) -> TriggerRule:
    armed = raw.get("armed_target")
    return TriggerRule(
        lemmas=_fs(raw, "lemmas"),
        pos=frozenset(raw["pos"]),
        type=raw["type"],
        sub_type=raw["sub_type"],
        plover=raw["plover"],
        weight=int(raw["weight"]),
        needs_object=_fs(raw, "needs_object"),
        needs_object_for=_fs(raw, "needs_object_for"),
        needs_context=_fs(raw, "needs_context"),
        needs_context_for=_fs(raw, "needs_context_for"),
        nominal_needs_verb=_fs(raw, "nominal_needs_verb"),
        object_role=raw.get("object_role", "actor2"),
        armed_target=(armed[0], armed[1]) if armed else None,
        state_actor=(raw["state_actor"][0], raw["state_actor"][1]) if raw.get("state_actor") else None,
        casualty=bool(raw.get("casualty", False)),
        weak=bool(raw.get("weak", False)),
        verb_only=_fs(raw, "verb_only"),
        noun_only=_fs(raw, "noun_only"),
        excludes_object=_fs(raw, "excludes_object"),
    )


def _refine(raw: dict[str, Any]) -> Refinement:
    return Refinement(
        when=(raw["when"][0], raw["when"][1]),
        cues=_fs(raw, "cues"),
        needs=_fs(raw, "needs"),
        unless=_fs(raw, "unless"),
        verbs_only=_fs(raw, "verbs_only"),
        any_verb=_fs(raw, "any_verb"),
        scope=raw["scope"],
        type=raw["type"],
        sub_type=raw["sub_type"],
    )


def parse_rules(text: str) -> Rules:
    raw = tomllib.loads(text)
    triggers = tuple(_trigger(t) for t in raw["trigger"])
    index: dict[str, list[TriggerRule]] = {}
    for rule in triggers:
        for lemma in rule.lemmas:
            index.setdefault(lemma, []).append(rule)
    by_lemma = MappingProxyType({k: tuple(sorted(v, key=lambda r: -r.weight)) for k, v in index.items()})
    lexicon = {k: frozenset(str(w).lower() for w in v) for k, v in raw["lexicon"].items()}
    lexicon["unarmed"] = _fs(raw["unarmed"], "heads")
    lexicon["mob"] = _fs(raw["mob"], "heads")
    lexicon["repel"] = _fs(raw["repel"], "verbs")
    lexicon["state_forces"] = _fs(raw["state"], "heads")
    lexicon["civilians"] = _fs(raw["civilians"], "heads")
    lexicon["weapon_verbs"] = _fs(raw["weapons"], "verbs")
    weapons = {w.lower(): sub for sub, ws in raw["weapons"].items() if sub != "verbs" for w in ws}
    refinements = tuple(_refine(r) for r in raw.get("refine", ()))
    res = raw.get("residual")
    residual = None
    if res:
        residual = TriggerRule(frozenset(), frozenset(), res["type"], res["sub_type"], res["plover"], 0, weak=True)
    return Rules(triggers, by_lemma, refinements, MappingProxyType(lexicon), MappingProxyType(weapons), residual)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    return parse_rules(resources.files("tidings.events").joinpath("rules.toml").read_text("utf-8"))
