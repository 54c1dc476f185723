"""Toponym recognition on the model: which spans of an article name places.

Sources, in order of trust: spaCy GPE/LOC/FAC entities (extended over a following admin-unit
word such as "District" or "Parish", split at commas), demonyms of NORP entities, and ORG or
PERSON entities that the gazetteer and the document context show to be places.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

from ..model import Article, Entity
from .fold import fold
from .gazetteer import Candidate

Kind = Literal["entity", "demonym", "reclassified", "embedded", "dateline", "untagged"]
#: Labels whose entities may contain a place name.
HOST_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words that make a name an administrative unit ("Lachin District", "Rapides Parish").
ADMIN_WORDS = frozenset(
    ["district", "province", "region", "county", "parish", "governorate", "oblast", "state", "prefecture", "municipality", "township", "department", "raion", "rayon", "upazila", "division", "territory", "canton", "borough", "emirate", "krai", "okrug", "voivodeship"]
)
_WORD = re.compile(r"[A-Za-z][\w.’'-]*[\w.]|[A-Za-z]")
_FUNCTION = frozenset(
    ["the", "of", "and", "for", "new", "city", "state", "national", "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "gulf", "university", "metro", "county", "district", "valley", "park", "lake", "river", "mountain", "island", "coast", "bay",
     "summit", "centre", "center", "mall", "world", "trade", "union", "congress", "council", "court", "college", "school",
     "hospital", "church", "bank", "airport", "station", "hall", "house", "tower", "plaza", "square", "street", "road",
     "avenue", "bridge", "market", "club", "fund", "group", "party", "army", "police", "press", "times", "news", "post"]
)
#: A dateline: capitals at the start of a paragraph, then a comma or dash ("BEIRUT, Lebanon —").
_DATELINE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'’ -]{2,30}[A-Z.])(?=\s*(?:,|—|–|-|\())")
#: A dateline after the headline on the same line ("... in debt. MANSFIELD — The council").
_INLINE_DATELINE = re.compile(r"(?<=[.!?] )([A-Z]{3,}(?: [A-Z]{2,}){0,2})(?=(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)? (?:—|–|--) )")
_CAPS = re.compile(r"\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,3}\b")
_SENTENCE_WORDS = frozenset(["The", "In", "At", "On", "For", "And", "But", "From", "To", "By", "With", "Of", "A", "An", "Near", "Outside"])
_AND_NAME = re.compile(r" and [A-Z][\w-]+")
#: A locative preposition right before a name ("in Lanexa", "near Greer Station").
_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|throughout|from|to|of|at)\s+$")
#: Labels of entities that an untagged name inside them is part of, not a place.
_NOT_PLACE_LABELS = frozenset({"PERSON", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
#: Months and weekdays: "in August" is a time.
CALENDAR = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
#: Between a place and the division holding it: "X (Y", "X town (Y", "X, Y".
_CONTAINER_GAP = re.compile(r"(?:\s+(?:city|town|village|district|area|municipality|commune))?\s*[(,]\s*")
#: Text ending in "Name, ": the next name may be its container ("Salvador, Bahia").
_AFTER_COMMA = re.compile(r"[A-Z][\w.'’-]*, $")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
#: A name after a title of address is a person's ("Mrs. Lincoln", "Ms Izevbekhai", "Sen. Bell").
_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Det|[Oo]fficer|Judge|Father|Sister|Sheriff|Mayor"
    r"|[Cc]oach|[Dd]eputy|[Tt]rooper|[Pp]rincipal|[Ss]uperintendent|[Pp]astor|[Cc]ommissioner|[Cc]hairman|[Cc]hairwoman)\.?\s+([A-Z][\w'’-]+)\b(?! [A-Z])"
)
#: A person's name by its shape: a middle initial ("Tyrise M. Bell").
_INITIAL_NAME = re.compile(r"^[A-Z][a-z]+ [A-Z]\. [A-Z][\w'’-]+$")
#: A US politician's party and state or home town ("D-S.C.", "R-Ga.", "D-Charleston").
_PARTY = re.compile(r"(?<=[\s(,])[DRI]-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)(?=[,)])")
_LEAD = re.compile(r"^(?:[(\[\"“]\s*)?(?:(?:the|The)\s+)?")
_TRAIL = re.compile(r"(?:'s|’s|'|\s*[)\]\"”])$")
#: Where an inline dateline may stand (characters from the start).
DATELINE_REACH = 600
#: ORG/PERSON names turned into places need a place this big, unless context supports them.
BIG_PLACE = 100_000
#: ... or a town this big in a country that the article's place names point to.
TOWN_IN_CONTEXT = 10_000
BROAD_FEATURES = frozenset({"PCLI", "ADM1", "RGN", "CONT"})


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    kind: Kind
    #: Name to look up when it differs from ``text`` (a demonym's country code, a key).
    target: str | None = None


@lru_cache(maxsize=1)
def demonyms() -> MappingProxyType[str, str]:
    """Folded demonym (and plural) -> ISO2 code or curated region name."""
    text = resources.files("tidings.geo").joinpath("data").joinpath("demonyms.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, target = line.split("\t")
        out[fold(word)] = target
        if word[-1] in "ni":
            out[fold(word + "s")] = target
    return MappingProxyType(out)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded common given names (data/given_names.txt)."""
    text = resources.files("tidings.geo").joinpath("data").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(fold(w) for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def culture_words() -> frozenset[str]:
    """Lemmas of words of culture (data/culture_words.txt)."""
    text = resources.files("tidings.geo").joinpath("data").joinpath("culture_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive from a span."""
    seg = text[start:end]
    m = _LEAD.match(seg)
    if m:
        start += m.end()
    m2 = _TRAIL.search(text[start:end])
    if m2 and end - start > len(m2.group(0)):
        end -= len(m2.group(0))
    return start, end


#: A capitalised Arabic article right before a name ("Ad" of "Ad Dali", "As" of "As Sawadiyah").
_ARTICLE_BEFORE = re.compile(r"\b(?:Al|El|Ad|Adh|Ar|As|Ash|At|Ath|Az|An|Ed|Er|Es|Et|En|Ez)[ -]$")


def _extend_before(text: str, start: int, end: int, lookup: Callable[[str], tuple[Candidate, ...]]) -> int:
    """The start of a name the model cut after its Arabic article ("Dali" of "Ad Dali") or
    after "X wa" ("Shaaf" of "Khabb wa ash Shaaf"), when the whole name is a place's."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    if m is not None and lookup(text[m.start() : end]):
        return m.start()
    m = _JOINED_BEFORE.search(text, max(0, start - 40), start)
    if m is not None and lookup(text[m.start() : end]):
        return m.start()  # "Shaaf" of "Khabb wa ash Shaaf": two names joined by "wa" (and)
    return start


#: A name and "wa" (Arabic "and"), maybe with an article, right before a name: "Khabb wa ash ".
_JOINED_BEFORE = re.compile(r"\b[A-Z][\w'’-]+ [Ww]a (?:(?:[Aa][lnrstdz]|[Aa]sh|[Aa]dh)[ -])?$")


def _extend_admin(article: Article, end: int) -> int:
    """If the word after ``end`` is an admin-unit word, extend the span over it."""
    text = article.text
    m = re.match(r"[ \t]+([A-Za-z]+)", text[end : end + 30])
    if m and m.group(1).lower() in ADMIN_WORDS:
        return end + m.end()
    return end


def _extend_and(article: Article, start: int, end: int, lookup: Callable[[str], tuple[Candidate, ...]]) -> int:
    """Extend "Trinidad" over "and Tobago" when the whole is a country's name."""
    m = _AND_NAME.match(article.text, end)
    if m is not None and any(c.feature == "PCLI" for c in lookup(article.text[start : m.end()])):
        return m.end()
    return end


#: Capitalised words (maybe after "of", "de"...) that may continue a name the model cut short.
_MORE_NAME = re.compile(r"(?:\s+(?:of|de|del|da|do|la|el|al|ed|es|as|ad|ar|at|az|an|ash|e)(?=\s))?\s+[A-Z][\w'’-]*")


def _extend_known(text: str, start: int, end: int, lookup: Callable[[str], tuple[Candidate, ...]]) -> int:
    """Extend a name the model cut short over the next words when the longer name is a
    place's ("Al" + "Bab" -> "Al Bab", "Port" + "of Spain" -> "Port of Spain", "Kut" + "e
    Abdollah" with the Persian ezafe)."""
    ends = []
    pos = end
    for _ in range(3):
        m = _MORE_NAME.match(text, pos)
        if m is None or "\n" in m.group(0):
            break
        pos = m.end()
        ends.append(pos)
    for e in reversed(ends):
        if lookup(text[start:e]):
            return e
    return end


_SEPARATORS = re.compile(r"[,()]")


def _split_commas(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    """The parts of an entity between commas and brackets ("Penas Blancas (Alajuela")."""
    pos = start
    for part in _SEPARATORS.split(text[start:end]):
        s = pos + len(part) - len(part.lstrip())
        e = pos + len(part.rstrip())
        if e > s:
            yield s, e
        pos += len(part) + 1


def _person_name(text: str, names: frozenset[str], lookup: Callable[[str], tuple[Candidate, ...]]) -> bool:
    """A single word that is part of a person's name in the article, and not a country or division."""
    key = fold(text)
    if " " in text or key not in names:
        return False
    return not any(c.feature in BROAD_FEATURES and fold(c.name) == key for c in lookup(text))


def _given_name_only(text: str, lookup: Callable[[str], tuple[Candidate, ...]]) -> bool:
    """A common given name that is no place's own name, only an alternate one."""
    key = fold(text)
    return key in given_names() and not any(fold(c.name) == key for c in lookup(text))


def _person_parts(entities: tuple[Entity, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames: first and last words of the multi-word PERSON names."""
    first: set[str] = set()
    last: set[str] = set()
    for e in entities:
        parts = e.span.text.split()
        shaped = e.label in ("ORG", "GPE", "FAC") and (_INITIAL_NAME.match(e.span.text) is not None or (len(parts) == 2 and fold(parts[0]) in given_names()))
        if (e.label == "PERSON" or shaped) and len(parts) > 1:
            first.add(fold(parts[0]))
            last.add(fold(parts[-1]))
    return frozenset(first), frozenset(last)


def recognize(
    article: Article,
    lookup: Callable[[str], tuple[Candidate, ...]],
    *,
    use_demonyms: bool = True,
    use_fac: bool = True,
) -> list[Toponym]:
    """Toponym spans of the article, in text order, without overlaps."""
    out: list[Toponym] = []
    labels = PLACE_LABELS if use_fac else PLACE_LABELS - {"FAC"}
    doc_countries: set[str] = set()
    place_keys: set[str] = set()
    first, persons = _person_parts(article.entities)
    persons = persons | _addressed(article.text)
    for e in article.entities:
        if e.label in labels:
            for s, t in _split_commas(e.span.start, e.span.end, article.text):
                s, t = _trim(article.text, s, t)
                if _person_name(article.text[s:t], first | persons, lookup):
                    continue  # a name of a person of the article ("Lincoln", "Kristina")
                if _given_name_only(article.text[s:t], lookup):
                    continue  # "Kristina" is a town's alternate name, but here a person
                if t > s:
                    s = _extend_before(article.text, s, t, lookup)
                    t = _extend_known(article.text, s, t, lookup)
                    t2 = _extend_admin(article, _extend_and(article, s, t, lookup))
                    out.append(Toponym(s, t2, article.text[s:t2], "entity"))
                    doc_countries.update(c.country for c in lookup(article.text[s:t])[:1] if c.country)
                    place_keys.add(fold(article.text[s:t]))
    for e in article.entities:
        target = demonyms().get(fold(e.span.text)) if use_demonyms else None
        if target and e.label in ("NORP", "ORG", "PERSON", "LANGUAGE"):
            out.append(Toponym(e.span.start, e.span.end, e.span.text, "demonym", target))
            continue
        if e.label == "NORP" and _LOCATIVE.search(article.text, max(0, e.span.start - 12), e.span.start) and _town_as_group(e.span.text, lookup):
            out.append(Toponym(e.span.start, e.span.end, e.span.text, "reclassified"))
            continue
        if e.label in ("ORG", "PERSON"):
            top = _reclassify(article, e, lookup, persons, doc_countries, place_keys)
            if top is not None:
                out.append(top)
                continue
        if e.label in HOST_LABELS and " " in e.span.text:
            out.extend(_embedded(article, e, lookup, doc_countries, use_demonyms))
    lines = list(_datelines(article, lookup))
    out.extend(lines)
    out.extend(_party_states(article, lookup))
    place_keys.update(fold(t.text) for t in lines)
    out.extend(_untagged(article, lookup, place_keys, out, doc_countries, first | persons))
    covered = [(t.start, t.end) for t in out]
    for e in article.entities:  # "(Poonch district, J&K)" with "J&K" called an organisation
        if e.label in ("ORG", "PERSON", "NORP") and not any(a < e.span.end and e.span.start < b for a, b in covered) and _holds_previous(article.text, e, out, lookup):
            out.append(Toponym(e.span.start, e.span.end, e.span.text, "reclassified"))
    out.extend(_chained(article, lookup, out, first | persons))
    common = frozenset(_LOWER_WORD.findall(article.text))
    cultural = _cultural(article)
    return _dedupe(
        [t for t in out if (t.kind == "demonym" and t.start not in cultural) or (t.kind != "demonym" and not _common_word(t.text, common, lookup))]
    )


#: Endings of names of peoples, religions and parties ("Kurds", "Sunni", "Albanian", "Kurdish").
_GROUP_ENDING = re.compile(r"(?:an|ans|ese|ish|ic|ics|i|is|s)$")


def _town_as_group(text: str, lookup: Callable[[str], tuple[Candidate, ...]]) -> bool:
    """A name after a locative preposition that the model took for a people ("in Herat", "in
    Asuncion" as NORP) and that is a town's or division's own name, not an acronym ("AU"), and
    does not end like a people's name."""
    key = fold(text)
    if _GROUP_ENDING.search(key) or not text[:1].isupper() or text.isupper():
        return False
    return any(fold(c.name) == key and (c.population >= 1000 or c.feature in ("ADM1", "ADM2")) for c in lookup(text))


def _holds_previous(text: str, e: Entity, found: list[Toponym], lookup: Callable[[str], tuple[Candidate, ...]]) -> bool:
    """A name right after a place, in parentheses or after a comma, that names a country or
    first-level division: the container of that place, whatever the model called it."""
    before = [t for t in found if t.end <= e.span.start]
    if not before:
        return False
    last = max(before, key=lambda t: t.end)
    return _CONTAINER_GAP.fullmatch(text, last.end, e.span.start) is not None and any(
        c.feature in ("PCLI", "ADM1") for c in lookup(e.span.text)
    )


#: Labels of entities that may be a place the model mislabelled, when the gazetteer nests them.
_CHAIN_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "GPE", "LOC"})


def _chained(
    article: Article,
    lookup: Callable[[str], tuple[Candidate, ...]],
    found: list[Toponym],
    persons: frozenset[str],
) -> list[Toponym]:
    """Names in a chain of places ("Mukayras, Al Bayda", "Pratapgarh (UP)") whatever the model
    called them: two names side by side, after a comma or in parentheses, that the gazetteer puts
    in one first-level division, or the first inside the second. Each pair of neighbours is
    judged, so a chain the model tagged as two persons is found too."""
    text = article.text
    nodes: dict[tuple[int, int], bool] = {(t.start, t.end): True for t in found if t.kind != "demonym"}
    for e in article.entities:
        if e.label not in _CHAIN_LABELS:
            continue
        s, t = _trim(text, e.span.start, e.span.end)
        s = _extend_before(text, s, t, lookup)
        name = text[s:t]
        overlaps = any(a < t and s < b for a, b in nodes)
        if t > s and not overlaps and name[:1].isupper() and not name.isupper() and (key := fold(name)) not in persons and key not in demonyms():
            nodes[(s, t)] = False
    for m in _CAPS.finditer(text):  # names the model left untagged ("(La Marsa, Tunis)")
        s, t = m.start(), m.end()
        if m.group(0).split()[0] in _SENTENCE_WORDS or any(a < t and s < b for a, b in nodes):
            continue
        if (key := fold(m.group(0))) not in persons and key not in CALENDAR:
            nodes[(s, t)] = False
    order = sorted(nodes)
    added: list[Toponym] = []
    for (s1, t1), (s2, t2) in zip(order, order[1:], strict=False):
        if nodes[(s1, t1)] and nodes[(s2, t2)]:
            continue
        if _CONTAINER_GAP.fullmatch(text, t1, s2) is None or fold(text[s1:t1]) == fold(text[s2:t2]):
            continue
        if _nested(lookup(text[s1:t1]), lookup(text[s2:t2])):
            for s, t, known in ((s1, t1, nodes[(s1, t1)]), (s2, t2, nodes[(s2, t2)])):
                if not known and not any(x.start == s for x in added):
                    added.append(Toponym(s, t, text[s:t], "reclassified"))
    return added


def _nested(inner: tuple[Candidate, ...], outer: tuple[Candidate, ...]) -> bool:
    """Whether some reading of the first name lies in the same first-level division as some
    reading of the second, or inside it (a division, or a country for a name that is not one)."""
    for a in inner:
        for b in outer:
            if a.country != b.country or a.pid == b.pid:
                continue
            if b.feature == "PCLI" and a.feature != "PCLI":
                return True
            if a.adm1 is not None and a.adm1 in (b.adm1, b.pid):
                return True
            if a.adm2 is not None and a.adm2 == b.pid:
                return True
    return False


def _cultural(article: Article) -> frozenset[int]:
    """Starts of adjectives of place that modify a word of culture ("French cuisine", "Irish
    heritage", "Spanish class"): they speak of a culture or language, not of the place."""
    words = culture_words()
    return frozenset(
        t.start
        for t in article.tokens
        if t.dep in ("amod", "compound") and 0 <= t.head < len(article.tokens) and article.tokens[t.head].lemma.lower() in words
    )


def _untagged(
    article: Article,
    lookup: Callable[[str], tuple[Candidate, ...]],
    place_keys: set[str],
    found: list[Toponym],
    doc_countries: set[str],
    persons: frozenset[str] = frozenset(),
) -> Iterator[Toponym]:
    """Capitalised names the model left untagged: a name the article uses as a place elsewhere,
    or a known admin unit ("Kanawha County")."""
    taken = sorted((t.start, t.end) for t in found)
    starts = [a for a, _ in taken]
    other = sorted((e.span.start, e.span.end) for e in article.entities if e.label in _NOT_PLACE_LABELS)
    other_starts = [a for a, _ in other]
    for m in _CAPS.finditer(article.text):
        s, t = m.start(), m.end()
        first = m.group(0).split()[0]
        if first in _SENTENCE_WORDS:
            s += len(first) + 1
            if s >= t:
                continue
        text = _admin_prefix(article.text[s:t])
        t = s + len(text)
        if text == article.text[s : m.end()]:
            t = _extend_admin(article, t)  # "Sirwah district": the unit word in lower case
            text = article.text[s:t]
        i = bisect_right(starts, t)
        if i and taken[i - 1][1] > s:
            continue  # overlaps a toponym found already
        key = fold(text)
        admin = text.split()[-1].lower() in ADMIN_WORDS and " " in text
        j = bisect_right(other_starts, t)
        if not admin and j and other[j - 1][1] > s:
            continue  # inside a person's name, an event, a work's title ("Scott West", "the Olympic Games")
        if key in place_keys or (admin and any(c.feature.startswith("ADM") for c in lookup(text) or lookup(text.rsplit(" ", 1)[0]))):
            yield Toponym(s, t, text, "untagged")
        elif i and _CONTAINER_GAP.fullmatch(article.text, taken[i - 1][1], s) and any(c.feature in BROAD_FEATURES for c in lookup(text)):
            yield Toponym(s, t, text, "untagged")  # "San Antonio (Valparaiso)": the division holding a place
        elif key not in CALENDAR and key not in persons and _LOCATIVE.search(article.text, max(0, s - 12), s) and any(
            c.country in doc_countries and fold(c.name) == key for c in lookup(text)
        ):
            yield Toponym(s, t, text, "untagged")  # "in Hounslow": a town of the article's countries


def _addressed(text: str) -> frozenset[str]:
    """Names that follow a title of address anywhere in the article: persons, not places."""
    return frozenset(fold(m.group(1)) for m in _HONORIFIC.finditer(text))


def _party_states(article: Article, lookup: Callable[[str], tuple[Candidate, ...]]) -> Iterator[Toponym]:
    """The state or town of a politician's party label ("Rep. Jim Clyburn, D-S.C.,")."""
    for m in _PARTY.finditer(article.text):
        if any(c.country == "US" for c in lookup(m.group(1))):
            yield Toponym(m.start(1), m.end(1), m.group(1), "untagged")


def _admin_prefix(text: str) -> str:
    """The leading words of a capitalised run up to its first admin word ("Anderson County" of
    "Anderson County Sheriff Greg Taylor"), or the run itself."""
    words = text.split()
    for n in range(2, len(words)):
        if words[n - 1].lower() in ADMIN_WORDS:
            return " ".join(words[:n])
    return text


def _common_word(text: str, common: frozenset[str], lookup: Callable[[str], tuple[Candidate, ...]]) -> bool:
    """A single capitalised word that the article also uses in lower case ("Commerce", "Bell")
    is a word, not a place, unless it names a country or division."""
    low = text.lower()
    if " " in text or low not in common:
        return False
    return not any(c.feature in BROAD_FEATURES and fold(c.name) == fold(text) for c in lookup(text))


def _datelines(article: Article, lookup: Callable[[str], tuple[Candidate, ...]]) -> Iterator[Toponym]:
    """Capitalised datelines the model did not tag ("COLUMBUS, Ohio —")."""
    head = article.text[:DATELINE_REACH]
    for m in [*_DATELINE.finditer(article.text), *_INLINE_DATELINE.finditer(head)]:
        text = m.group(1).strip()
        if lookup(text.title()) and any(c.population >= 1000 or c.feature != "PPL" for c in lookup(text.title())):
            s = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
            yield Toponym(s, s + len(text), text, "dateline")


def _reclassify(
    article: Article,
    e: Entity,
    lookup: Callable[[str], tuple[Candidate, ...]],
    persons: frozenset[str],
    doc_countries: set[str],
    place_keys: set[str],
) -> Toponym | None:
    """An ORG/PERSON entity that is really a place name (whole name in the gazetteer)."""
    s, t = _trim(article.text, e.span.start, e.span.end)
    s = _extend_before(article.text, s, t, lookup)
    text = article.text[s:t]
    key = fold(text)
    words = text.split()
    cands = lookup(text)
    known_place = any(
        fold(c.name) == key and (c.feature in BROAD_FEATURES or (c.country in doc_countries and c.population >= TOWN_IN_CONTEXT))
        for c in cands
    )
    if not key or key in persons or (key in given_names() and key not in place_keys) or (e.label == "PERSON" and len(words) > 1 and words[-1].lower() not in ADMIN_WORDS and not known_place):
        return None
    locative = key not in CALENDAR and _LOCATIVE.search(article.text, max(0, s - 12), s) is not None and any(c.country in doc_countries for c in cands)
    if not (cands and key in place_keys) and not locative and not _plausible(key, text, cands, doc_countries):
        return None
    after_place = _AFTER_COMMA.search(article.text, max(0, s - 40), s) is not None
    if len(words) == 1 and doc_countries and key not in place_keys and not after_place and not _in_context(cands, doc_countries):
        return None  # a one-word name of a far-off town ("Toyota" in a Texas story) is a name
    t2 = _extend_admin(article, t)
    return Toponym(s, t2, article.text[s:t2], "reclassified")


def _in_context(cands: tuple[Candidate, ...], doc_countries: set[str]) -> bool:
    """A candidate that is a country, region, first-level division or capital, or lies in a
    country the article's places name."""
    return any(c.feature in BROAD_FEATURES or c.feature == "PPLC" or c.country in doc_countries for c in cands)


def _plausible(key: str, text: str, cands: tuple[Candidate, ...], doc_countries: set[str], strict: bool = False) -> bool:
    """Whether a name the model gave another label is a place: a country, division or region, a
    big place, or a town in a country the article names; acronyms only as countries. ``strict``
    asks for the place's own name (not an alternate name) except for countries."""
    if text.isupper() and len(key.replace(" ", "")) <= 4:
        return any(c.feature in ("PCLI", "RGN") for c in cands)
    for c in cands:
        own = fold(c.name) in (key, key + "h")  # "Hama" of "Hamah", "Raqqa" of "Raqqah": the same name
        if strict and not own and c.feature != "PCLI":
            continue
        if c.feature in BROAD_FEATURES or c.feature == "ADM2" and " " in key:
            return True
        if own and (c.population >= BIG_PLACE or (c.country in doc_countries and c.population >= TOWN_IN_CONTEXT)):
            return True
    return False


def _embedded(
    article: Article,
    e: Entity,
    lookup: Callable[[str], tuple[Candidate, ...]],
    doc_countries: set[str],
    use_demonyms: bool,
) -> Iterator[Toponym]:
    """Place names and demonyms inside another entity ("the Georgia Bureau of Investigation",
    "Air Zimbabwe", "the Nigerian Army"). A town name right after another capitalised word is
    taken as part of a longer name ("Beverly Hills"); a country or division name is not."""
    words = [(m.start() + e.span.start, m.end() + e.span.start) for m in _WORD.finditer(e.span.text)]
    i = 0
    while i < len(words):
        inside = i > 0 and article.text[words[i - 1][0]].isupper() and fold(article.text[slice(*words[i - 1])]) not in _FUNCTION
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            s, t = words[i][0], words[i + n - 1][1]
            found = _embedded_name(article.text[s:t], n, lookup, doc_countries, inside, use_demonyms)
            if found is not None and (s, t) != (e.span.start, e.span.end):
                yield Toponym(s, t, article.text[s:t], found[0], found[1])
                i += n - 1
                break
        i += 1


def _embedded_name(
    text: str,
    n: int,
    lookup: Callable[[str], tuple[Candidate, ...]],
    doc_countries: set[str],
    inside: bool,
    use_demonyms: bool,
) -> tuple[Kind, str | None] | None:
    parts = text.split()
    key = fold(text)
    if parts[0].lower() in ("the", "of", "and", "for") or not all(w[:1].isupper() for w in parts) or (n == 1 and key in _FUNCTION):
        return None
    if use_demonyms and key in demonyms():
        return "demonym", demonyms()[key]
    cands = lookup(text)
    if inside and not any(c.feature == "RGN" and fold(c.name) == key or c.feature == "PCLI" for c in cands):
        return None
    return ("embedded", None) if _plausible(key, text, cands, doc_countries, strict=True) else None


def _dedupe(items: list[Toponym]) -> list[Toponym]:
    items.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Toponym] = []
    for it in items:
        if out and it.start < out[-1].end:
            continue
        out.append(it)
    return out
