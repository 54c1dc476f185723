"""Which country an actor belongs to: its own adjective ("Ukrainian forces"), else the
document's country (from resolved places, country names or demonyms in the text)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from ..model import Article, Token
from .tree import Sent


@lru_cache(maxsize=1)
def demonyms() -> Mapping[str, str]:
    """``demonyms.tsv``: lowercased demonym -> country name."""
    text = resources.files("tidings.events").joinpath("demonyms.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return MappingProxyType({r[0].strip().lower(): r[1].strip() for r in rows if len(r) == 2})


@lru_cache(maxsize=1)
def country_names() -> Mapping[str, str]:
    """Lowercased country names and ISO alpha-2 codes -> the short name actor names use."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        for key in (c.name, short, c.alpha_2):
            out[key.lower()] = short
    out.update({v.lower(): v for v in demonyms().values()})
    return MappingProxyType(out)


def document_country(article: Article) -> str | None:
    """The country most places in the article belong to, else the most named country."""
    codes = Counter(p.country for p in article.places if p.country)
    if codes:
        return country_names().get(codes.most_common(1)[0][0].lower())
    names, dem = country_names(), demonyms()
    found: Counter[str] = Counter()
    for e in article.entities:
        key = e.span.text.lower()
        if e.label == "GPE" and key in names:
            found[names[key]] += 2
        elif e.label == "NORP" and key in dem:
            found[dem[key]] += 1
    return found.most_common(1)[0][0] if found else None


def mention_country(sent: Sent, t: Token) -> str | None:
    """"Ukrainian forces", "the army of Chad": the country named inside the mention."""
    dem, names = demonyms(), country_names()
    for k in sent.kids(t.i, "amod", "compound", "nmod", "poss"):
        key = k.text.lower()
        if key in dem:
            return dem[key]
        if k.ent_type == "GPE" and key in names:
            return names[key]
    for p in sent.kids(t.i, "prep"):
        if p.text.lower() == "of":
            for o in sent.kids(p.i, "pobj"):
                if o.text.lower() in names:
                    return names[o.text.lower()]
    return None
