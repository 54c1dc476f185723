"""The places stage: recognise toponyms, resolve them in context, fill ``Article.places``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..model import Article, Place, Warning
from .fold import fold, without_kind
from .gazetteer import Candidate, Gazetteer, open_gazetteer, resembling
from .recognize import ADMIN_WORDS, Toponym, demonyms, recognize
from .resolve import Choice, Resolver

#: Between a place and its container: a comma, maybe a direction ("Liverpool, northern England").
_COMMA = re.compile(r"\s*,\s*(?:(?:in\s+)?(?:the\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$", re.I)
#: "Kesta (Lomar)", "Kesta town (Lomar, ...": a parenthesis saying where the name before it is.
_PAREN = re.compile(r"(?:\s+(?:city|town|village|district|area|region|province|municipality|commune|county))?\s*\(\s*")
#: "Kesta district of Lomar", "Kesta town in Lomar province": the division a named place is in.
_OF_DIVISION = re.compile(r"\s+(?:city|town|village|district|subdistrict|municipality|commune|county|locality)\s+(?:of|in)\s+(?:the\s+)?")
_DIRECTIONS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
     "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower"]
)
#: Words of natural features: a name ending in one is not its leading words' place.
_NATURAL = frozenset(
    ["river", "lake", "creek", "mountain", "mountains", "mount", "island", "islands", "valley", "bay", "sea", "ocean",
     "hill", "hills", "forest", "desert", "canyon", "falls", "peninsula", "gulf", "strait", "coast", "beach", "park"]
)
_Lookup = Callable[[str], tuple[Candidate, ...]]
_OF = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
_TYPED = frozenset({"city", "town", "village", "district", "subdistrict", "municipality", "commune", "county", "locality"})
#: Division words of first-level divisions.
_FIRST_LEVEL = frozenset({"state", "province", "governorate", "region", "oblast", "prefecture", "voivodeship", "emirate", "krai"})
#: Division words of districts, often known only by the town they are named after.
_SEATED = frozenset({"district", "municipality", "upazila", "raion", "rayon", "township"})
#: Last words that say a name is a place's ("Thi Qar province", "Kesta town").
_PLACE_KIND = ADMIN_WORDS | _TYPED
#: "the US dollar", "Lebanese pounds": a country's name or adjective naming a currency.
_CURRENCY = re.compile(r"\s*(?:dollars?|pounds?|euros?|yuan|rupees?|rubles?|roubles?|dinars?|lira|liras|rials?|riyals?|pesos?|francs?|shillings?|nairas?|cedis?|rands?|bonds?|treasur(?:y|ies))\b", re.I)

#: Arabic, Persian and Hebrew words that open many places' names ("Ain Oussara", "Ras al Ain",
#: "Tall Abyad", "Bir Tutah"): alone they name no place of the name.
_GENERIC_HEADS = frozenset(
    {"ain", "ayn", "bir", "ras", "tall", "tal", "tel", "wadi", "jabal", "jebel", "kafr", "kfar", "deir", "dayr", "khirbet",
     "qasr", "beit", "bayt", "sidi", "abu", "umm", "bab", "hay", "mina", "souq", "suq", "minat", "qaryat", "nahr"}
)


class PlaceStage:
    name = "places"
    requires = frozenset({"tokens", "sentences", "entities"})
    assigns = frozenset({"places"})

    def __init__(self, *, gazetteer: str | None = None, demonyms: bool = True, facilities: bool = True) -> None:
        self.gazetteer_path = Path(gazetteer) if gazetteer else None
        self.demonyms = demonyms
        self.facilities = facilities
        self._gaz: Gazetteer | None = None
        self._lookup: _Lookup | None = None

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = open_gazetteer(self.gazetteer_path)
        return self._gaz

    def process(self, articles: Sequence[Article]) -> list[Article]:
        if self._lookup is None:
            self._lookup = lru_cache(maxsize=50_000)(self.gaz.lookup)
        return [self._one(a, self._lookup) for a in articles]

    def _candidates(self, t: Toponym, lookup: _Lookup) -> tuple[Candidate, ...]:
        if t.kind == "demonym" and t.target:
            return self.gaz.country(t.target) if len(t.target) == 2 and t.target.isupper() else lookup(t.target)
        cands = lookup(t.text)
        words = t.text.split()
        if cands and len(words) > 1 and words[-1].lower() in ("city", "town"):
            # "Tripoli City": the alternate name "Tripoli City" of one Tripoli must not hide the others
            both = _with_bare(cands, " ".join(words[:-1]), lookup, ("PPL",))
            # "Amara city" is a town: the province or country of that name is not what it names
            return tuple(c for c in both if c.feature.startswith("PPL")) or both
        if cands and len(words) > 1 and words[-1].lower() in _SEATED:
            # "Poonch district": a district known by that full name must not hide those known by "Poonch"
            return _with_bare(cands, " ".join(words[:-1]), lookup, ("ADM", "PPL"))
        if cands:
            return cands
        if len(words) > 1 and words[-1].lower() in ADMIN_WORDS and (base := lookup(" ".join(words[:-1]))):
            kind = words[-1].lower()
            if kind in _FIRST_LEVEL:  # "Merida state": the state, not the municipality
                return tuple(c for c in base if c.feature == "ADM1") or tuple(c for c in base if c.feature.startswith("ADM")) or base
            if kind in _SEATED:  # "Golbasi district (of Adiyaman)": the district, or the town it is named after
                return tuple(c for c in base if c.feature.startswith(("ADM", "PPL"))) or base
            return tuple(c for c in base if c.feature.startswith("ADM")) or base
        if len(words) > 1 and words[0].lower() in _DIRECTIONS:
            return lookup(" ".join(words[1:]))  # "northeast Georgia": the place it is part of
        if len(words) > 1 and words[-1].lower() in ("city", "town", "village"):
            base = lookup(" ".join(words[:-1]))
            return tuple(c for c in base if c.feature.startswith("PPL")) or base
        target = demonyms().get(fold(t.text))
        if target:
            return self.gaz.country(target) if len(target) == 2 and target.isupper() else lookup(target)
        head = t.text.split("-", 1)[0]
        if head != t.text and " " not in head:  # "Mogadishu-Wadajir district": a quarter of a known city
            return tuple(c for c in lookup(head) if c.feature == "PPLC" or (c.feature.startswith("PPL") and c.population >= 100_000))
        return ()

    def _one(self, article: Article, lookup: _Lookup) -> Article:
        tops = [
            t for t in recognize(article, lookup, use_demonyms=self.demonyms, use_fac=self.facilities)
            if not _CURRENCY.match(article.text, t.end)
        ]
        cands = [self._candidates(t, lookup) for t in tops]
        for i, t in enumerate(tops):
            if not cands[i]:
                tops[i], cands[i] = _known_prefix(t, lookup)
            if not cands[i]:
                tops[i], cands[i] = _known_suffix(t, lookup)
        if any(not c for c in cands):
            self._spelled(tops, cands)
        contained = [_container(article.text, tops, i) for i in range(len(tops))]
        keys = [fold(t.target or t.text) for t in tops]
        for i, j in enumerate(contained):
            whole = _whole(article.text, tops[i], tops[j]) if j is not None and tops[i].kind != "demonym" else ""
            if whole and (known := lookup(whole)):  # "Washington, D.C." names one place: read X as the whole
                cands[i], keys[i] = known, fold(whole)
            elif j is not None and without_kind(keys[i], _TYPED) == keys[j] and tops[i].kind != "demonym":
                # "Colon (Colon)", "Matiari town (Matiari, Sindh)": the town in the division of its
                # name, a reading of its own (one name, two places)
                keys[i] = keys[j] + " town"
                if cands[i] is cands[j] or not any(c.feature.startswith("PPL") for c in cands[i]):
                    cands[i] = tuple(c for c in cands[j] if c.feature.startswith("PPL")) or cands[i]
                cands[j] = tuple(c for c in cands[j] if c.feature.startswith("ADM")) or cands[j]
        choices = Resolver(keys, cands, contained).resolve()
        places: list[Place] = []
        warnings: list[Warning] = []
        for t, ch in zip(tops, choices, strict=True):
            p = self._place(article, t, ch)
            if p.lat is not None:
                places.append(p)
            elif " " in t.text.strip() and _place_like(t.text):
                places.append(p)
                warnings.append(Warning("place-unresolved", f"no gazetteer entry for {t.text!r}", p.span))
            elif " " in t.text.strip():  # "Heimlich Maneuver", "Nino Burjanadze": not a place's name
                warnings.append(Warning("place-unknown-name", f"{t.text!r} is unknown to the gazetteer and does not end like a place's name; left out", p.span))
            else:  # one unknown word the model called a place is more often a name
                warnings.append(Warning("place-unknown-word", f"{t.text!r} tagged as a place but unknown to the gazetteer; left out", p.span))
        return article.with_(places=tuple(places)).warn(*warnings)

    def _spelled(self, tops: list[Toponym], cands: list[tuple[Candidate, ...]]) -> None:
        """Names the gazetteer does not know as written ("Thi Qar province", "Shirqat district")
        get the readings of another spelling (same consonant skeleton) in the countries the
        article's other names point to; left unresolved when there are none."""
        countries = {cs[0].country for cs in cands if cs and cs[0].country}
        if not countries:
            return
        for i, t in enumerate(tops):
            if cands[i] or t.kind == "demonym":
                continue
            words = t.text.split()
            if len(words) > 1 and words[-1].lower() in _PLACE_KIND:  # only names typed as places
                name = " ".join(words[:-1])
                cands[i] = resembling(name, (c for c in self.gaz.lookup_skeleton(name) if c.country in countries))

    def _place(self, article: Article, t: Toponym, ch: Choice) -> Place:
        span = article.span(t.start, t.end)
        c = ch.candidate
        if c is None:
            return Place(span)
        admin1 = c.name if c.feature == "ADM1" else self.gaz.name_of(c.adm1)
        admin2 = c.name if c.feature == "ADM2" else self.gaz.name_of(c.adm2)
        return Place(
            span, name=c.name, geonameid=c.geonameid, lat=round(c.lat, 5), lon=round(c.lon, 5),
            country=c.country or None, admin1=admin1, admin2=admin2, feature=c.feature, confidence=ch.confidence,
        )


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Words that end places' names (data/place_words.txt)."""
    text = resources.files("tidings.geo").joinpath("data").joinpath("place_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _whole(text: str, a: Toponym, b: Toponym) -> str:
    """A name and the container after it, read as one name ("Washington, D.C."); not when the
    container is in parentheses ("San Isidro (Buenos Aires)": a town in its province, even
    where some hamlet is called "San Isidro Buenos Aires")."""
    whole = text[a.start : b.end]
    return "" if "(" in whole else whole


def _place_like(name: str) -> bool:
    """Whether an unknown name of several words ends like a place's name ("Collins Avenue")."""
    return name.split()[-1].lower().strip(".,") in place_words()


#: Leading words of an unknown name that are no place alone (directions, generic heads).
_NO_PLACE_HEADS = _DIRECTIONS | _GENERIC_HEADS


def _known_prefix(t: Toponym, lookup: _Lookup) -> tuple[Toponym, tuple[Candidate, ...]]:
    """The longest leading words of an unknown name that name a place, unless what follows them
    is a natural feature ("Henderson County Jail" -> "Henderson County"; not "Catawba River")."""
    words = list(re.finditer(r"\S+", t.text))
    for n in range(len(words) - 1, 0, -1):
        rest = {w.group(0).lower().strip(".,") for w in words[n:]}
        if rest & _NATURAL:
            break
        head = t.text[: words[n - 1].end()]
        if n == 1 and (head.lower() in _NO_PLACE_HEADS or words[1].group(0).lower() in ("of", "for", "and")):
            break  # "Ain Oussara" is not the French Ain: "Ain" (a spring) opens many names
        cands = lookup(head)
        if cands and (n > 1 or any(c.population >= 100_000 or c.feature in ("PCLI", "ADM1") for c in cands)):
            return Toponym(t.start, t.start + len(head), head, t.kind, t.target), cands
    return t, ()


def _known_suffix(t: Toponym, lookup: _Lookup) -> tuple[Toponym, tuple[Candidate, ...]]:
    """The last words of an unknown name when they name a country or first-level division by
    its own name ("Politics Ukraine", "Building Ireland" -> the country)."""
    words = list(re.finditer(r"\S+", t.text))
    for n in range(1, len(words)):
        tail = t.text[words[n].start() :]
        key = fold(tail)
        cands = tuple(c for c in lookup(tail) if c.feature in ("PCLI", "ADM1") and fold(c.name) == key)
        if cands:
            start = t.start + words[n].start()
            return Toponym(start, t.end, tail, t.kind, t.target), cands
    return t, ()


def _with_bare(cands: tuple[Candidate, ...], bare: str, lookup: _Lookup, features: tuple[str, ...]) -> tuple[Candidate, ...]:
    """``cands`` and the readings of the name without its kind word that have one of
    ``features``, most populous first."""
    seen = {c.pid for c in cands}
    more = tuple(c for c in lookup(bare) if c.pid not in seen and c.feature.startswith(features))
    return tuple(sorted((*cands, *more), key=lambda c: -c.population))


def _container(text: str, tops: Sequence[Toponym], i: int) -> int | None:
    """Index of the toponym that contains toponym i ("X, Y", "X (Y", "X district of Y"), if any."""
    if i + 1 >= len(tops):
        return None
    gap = text[tops[i].end : tops[i + 1].start]
    words = tops[i].text.split()
    typed = bool(words) and words[-1].lower() in _TYPED  # "Kesta district" + " of Lomar"
    if _COMMA.match(gap) or _PAREN.fullmatch(gap) or _OF_DIVISION.fullmatch(gap) or (typed and _OF.fullmatch(gap)):
        return i + 1
    return None

