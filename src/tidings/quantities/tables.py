"""The number tables of ``numbers.toml``, loaded once and frozen."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

Bound = Literal["low", "high", "approx"]


@dataclass(frozen=True, slots=True)
class Vague:
    value: int
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class Tables:
    words: Mapping[str, int]
    scales: Mapping[str, int]
    vague: Mapping[str, Vague]
    modifiers: tuple[tuple[tuple[str, ...], Bound], ...]
    breakdown: tuple[tuple[str, ...], ...]
    skip_ents: frozenset[str]
    neighbours: frozenset[str]


def _load_raw() -> dict[str, Any]:
    text = resources.files("tidings.quantities").joinpath("numbers.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def tables() -> Tables:
    raw = _load_raw()
    mods = sorted(
        ((tuple(m["words"]), m["bound"]) for m in raw["modifiers"]), key=lambda m: -len(m[0])
    )
    return Tables(
        words=MappingProxyType(dict(raw["words"])),
        scales=MappingProxyType(dict(raw["scales"])),
        vague=MappingProxyType({k: Vague(v["value"], v["low"], v["high"]) for k, v in raw["vague"].items()}),
        modifiers=tuple(mods),
        breakdown=tuple(sorted((tuple(c) for c in raw["breakdown"]["cues"]), key=len, reverse=True)),
        skip_ents=frozenset(raw["skip"]["ent_types"]),
        neighbours=frozenset(raw["skip"]["neighbours"]),
    )
