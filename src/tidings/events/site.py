"""Where an event happened when the places stage missed the name: capitalised names after a
locative preposition ("in Norvale", "near Kesta village (Dunmore, Ardshire)") or naming the
object of the trigger ("shelled Norvale"), looked up in the gazetteer and kept only when the
article's own places vouch for the reading (same country, same first-level division, or near
a place of the sentence), or, in an article that names no other place, when the name's
readings leave no choice. See docs/events.md, "Location"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..geo.fold import is_code
from ..geo.gazetteer import Candidate, resembling
from ..geo.recognize import CALENDAR
from ..geo.resolve import haversine
from ..model import Article, Place, Token
from .attach import cut_from_name
from .country import demonyms
from .tree import Sent

Lookup = Callable[[str], tuple[Candidate, ...]]
NameOf = Callable[[int | None], str | None]

#: Prepositions that put an event somewhere.
LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "inside", "into", "from", "of", "on", "towards", "toward", "to", "between", "along"})
#: Nouns whose "of" introduces a group, not a place ("members of Svoboda").
OF_GROUP = frozenset({"member", "members", "supporters", "leader", "leaders", "followers", "affiliates", "activists", "elements"})
#: Words that type the place after its name ("Kesta village"): dropped before the lookup.
TYPE_WORDS = frozenset(
    {"village", "town", "city", "area", "district", "districts", "region", "commune", "municipality", "township",
     "neighbourhood", "neighborhood", "locality", "settlement", "camp", "suburb", "county", "province", "governorate",
     "subdistrict", "sub-district", "quarter", "countryside", "front", "outskirts"}
)
#: Words skipped in a chain of containing names ("X (Y LGA, Z)", "X, Y district, Z state").
CHAIN_WORDS = TYPE_WORDS | frozenset(
    {"lga", "upazila", "tehsil", "mandal", "taluk", "taluka", "ward", "block", "sector", "department", "state", "raion",
     "oblast", "prefecture", "division", "canton", "parish", "barangay", "and"}
)
#: Lower-case particles inside place names ("Valle de Santiago", "Ras al Ain").
PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "al", "al-", "ad", "ar", "as", "ash", "an", "du", "des", "da", "do", "dos", "di", "bin", "ibn", "y", "e", "sub", "i"})
#: Capitalised Arabic articles that open a name ("At Tuhayta", "Az Zawiyah"); in lower case
#: some of them are English words.
ARTICLES = frozenset({"At", "Az", "Adh", "Ath", "Ad", "Ar", "As", "Ash", "An", "Al", "El"})
_DOUBLED = re.compile(r"([a-z])\1")
#: Roads and junctions, which are often named after the town they are in.
ROAD_WORDS = frozenset({"highway", "road", "roundabout", "intersection", "bridge", "junction", "crossroads", "bypass"})
#: Entity labels that are never places.
#: (The small model often calls a town EVENT, WORK_OF_ART or LANGUAGE: those are looked up.)
NOT_PLACE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: Words skipped between the preposition and the name ("in the", "in central").
LEADING = frozenset(
    {"the", "a", "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "northeastern",
     "northwestern", "southeastern", "southwestern", "downtown", "rural", "greater", "upper", "lower"}
)
#: Candidate features a site may take (settlements and small divisions).
SITE_FEATURES = ("PPL", "ADM2", "ADM3", "ADM4")
#: Least context score a reading found by another spelling needs (1 = in the article's
#: country, 2 = in a division the article names, 3 = near a place of the sentence) when the
#: sentence has another place; without one, 1 is enough.
FUZZY_MIN = 3.0
#: A name joined by a hyphen to a number or another name ("Zolote-5", "Donetsk-Kirovskyi").
_HYPHEN_HEAD = re.compile(r"([A-Z][a-z]{3,}(?: [A-Z][a-z]+)?)-(?:\d+|([A-Z][a-z]+))$")
#: Most words in a name.
MAX_WORDS = 6
#: A site must lie this close (km) to a place of its sentence when that is all that vouches for it.
NEAR_KM = 100.0


def find_sites(
    article: Article, sent: Sent, places: Sequence[Place], lookup: Lookup, name_of: NameOf, fuzzy: Lookup | None = None
) -> list[Place]:
    """Places of the sentence the places stage missed, resolved in the article's context."""
    taken = [(p.span.start, p.span.end) for p in places if p.lat is not None]
    dem = demonyms()
    # "Colonia" of "Colonia Agricola" (a quarter), read abroad, says nothing of the country
    read = [p for p in places if p.lat is not None and not cut_from_name(article.text, p)]
    named = Counter(p.country for p in read if p.country and p.span.text.lower() not in dem)
    # "Turkish forces shelled X": a demonym says who acted more often than where; it only
    # counts when no place is named, and then a name of one country still passes
    countries = named or Counter(p.country for p in read if p.country)
    admins = {p.admin1 for p in places if p.admin1}
    local = [p for p in read if sent.sentence.start <= p.span.start < sent.sentence.end and p.feature not in ("PCLI", "RGN", "CONT")]
    out: list[Place] = []
    names = _names(sent)
    containers = {r for lo, hi in names for r in _chain_ranges(sent, hi)}
    for lo, hi in [*names, *sorted(containers - set(names))]:
        start, end = sent.tok(lo).start, sent.tok(hi).end
        if any(s < end and start < e and (s <= start and end <= e or not (start <= s and e <= end)) for s, e in taken):
            continue  # a name the places stage has, or one crossing it; a longer name is looked up
        chain = _chain_admins(article, sent, hi, lookup, name_of)
        text = article.text[start:end]
        cands = lookup(text) or (lookup(text.split(" ", 1)[1]) if " " in text and sent.tok(lo).text.lower() in PARTICLES else ())
        if not cands and _DOUBLED.search(text):
            cands = lookup(_DOUBLED.sub(r"\1", text))  # "Bossaso" for "Bosaso": a letter written twice
        head = _HYPHEN_HEAD.match(text) if not cands else None
        joined = head is not None and head.group(2) is not None
        if head is not None:
            # "Zolote-5", "Donetsk-Kirovskyi": a part of the town the name opens with; but two
            # names joined ("Pobe-Mengao") only where the article vouches for the first or it
            # is a city that dwarfs its namesakes (Pobé in Benin is not the Pobe of Burkina Faso)
            cands = lookup(head.group(1))
        features = (*SITE_FEATURES, "ADM1") if (lo, hi) in containers else SITE_FEATURES
        c = _best(cands, countries, admins | chain, local, name_of, features=features, firm=bool(named), strict=joined)
        if c is None and joined and not countries and not local:
            c = _dominant(cands, features)
        confidence = 0.5
        if c is None and not cands and fuzzy is not None:
            # another spelling of the name ("Shadadah" for "Ash Shaddadah", "Nabatiyeh" for "An
            # Nabaţīyah", "Qamishli" for "Al Qāmishlī") that still looks like it: a reading near
            # the sentence's places, or, when the sentence has none, in a division the article
            # names or in one of its countries; in an article that names no place at all (and
            # none it cannot read), the reading of the only country, or one that dwarfs the rest
            towns = [p for p in local if p.feature != "ADM1"]  # near a province's centre says little
            alike = resembling(text, fuzzy(text))
            c = _best(alike, countries, admins | chain, towns, name_of, features=features, strict=True, min_score=FUZZY_MIN if local else 1.0)
            if c is None and not countries and not admins | chain and all(p.lat is not None for p in places):
                c = _lone(alike, features) or _dominant(alike, features)
            confidence = 0.3
        if c is None:
            continue
        out.append(
            Place(
                article.span(start, end), name=c.name, geonameid=c.geonameid, lat=round(c.lat, 5), lon=round(c.lon, 5),
                country=c.country or None, admin1=name_of(c.adm1), admin2=name_of(c.adm2), feature=c.feature, confidence=confidence,
            )
        )
        taken.append((start, end))
    return out


def _names(sent: Sent) -> list[tuple[int, int]]:
    """Token ranges of capitalised names after a locative preposition or as a verb's object."""
    out: list[tuple[int, int]] = []
    last = sent.base + len(sent.tokens) - 1
    for t in sent.tokens:
        after_date = t.text == "," and sent.has(t.i - 1) and sent.tok(t.i - 1).ent_type == "DATE"
        if t.text.lower() == "of" and sent.has(t.i - 1) and sent.tok(t.i - 1).text.lower() in OF_GROUP:
            continue
        if t.text.lower() in LOCATIVE or after_date or (t.dep == "dobj" and t.pos == "PROPN" and sent.has(t.i - 1) and not _cap(sent.tok(t.i - 1))):
            i = t.i + 1 if t.text.lower() in LOCATIVE or after_date else t.i
            while i <= last and sent.tok(i).text in LEADING:
                i += 1
            j = _name_end(sent, i, last)
            if j > i and not any(_not_place(sent.tok(k)) for k in range(i, j)) and not _demonym(sent, i, j):
                out.append((i, j - 1))
        elif t.text.lower() in ROAD_WORDS and sent.has(t.i - 1) and _cap(sent.tok(t.i - 1)) and _modifies(sent.tok(t.i - 1)):
            # "blocked the Zahle roundabout": the road is named after the town it is in or near
            i = t.i - 1
            while sent.has(i - 1) and _cap(sent.tok(i - 1)) and _modifies(sent.tok(i - 1)):
                i -= 1
            if not any(_not_place(sent.tok(k)) for k in range(i, t.i)) and not _demonym(sent, i, t.i):
                out.append((i, t.i - 1))
    return out


#: Words of the calendar: a capitalised one the model called a date is a date.
DATE_WORDS = CALENDAR | {"spring", "summer", "autumn", "fall", "winter", "ramadan", "easter", "christmas", "eid"}


def _modifies(t: Token) -> bool:
    """A word before a noun that names it ("the Zahle roundabout"; the small model may call it
    a compound, a nominal modifier or a proper noun of its own)."""
    return t.dep in ("compound", "nmod") or t.pos == "PROPN"


def _not_place(t: Token) -> bool:
    """A token the model put in a date, number or amount; but a capitalised word that is no
    calendar word is a name the model misread ("in Posadas" as a DATE)."""
    if t.ent_type not in NOT_PLACE:
        return False
    return not (t.ent_type == "DATE" and t.text[:1].isupper() and t.text.isalpha() and t.text.lower() not in DATE_WORDS)


def _demonym(sent: Sent, i: int, j: int) -> bool:
    return " ".join(sent.tok(k).text for k in range(i, j)).lower() in demonyms()


def _name_end(sent: Sent, i: int, last: int) -> int:
    """One past the last token of the name starting at token ``i`` ("Ivano-Frankivsk",
    "Valle de Santiago", "al Tabqa"); ``i`` when no name starts there."""
    j, words = i, 0
    while j <= last and words < MAX_WORDS:
        t = sent.tok(j)
        glued = j > i and t.start == sent.tok(j - 1).end and t.text in ("-", "'")
        if _cap(t) or glued or t.text.lower() in PARTICLES or t.text in ARTICLES:
            words += not glued
            j += 1
        elif j > i and sent.tok(j - 1).text in ("-", "'") and t.start == sent.tok(j - 1).end and t.text[:1].isalnum():
            j += 1
        else:
            break
    while j > i and (sent.tok(j - 1).text.lower() in PARTICLES or sent.tok(j - 1).text in ("-", "'")):
        j -= 1
    if not any(_cap(sent.tok(k)) for k in range(i, j)):
        return i
    return j


def _chain_ranges(sent: Sent, end: int) -> list[tuple[int, int]]:
    """Token ranges of the names right after token ``end`` that contain it: "X (Y, Z)", "X, Y"."""
    out: list[tuple[int, int]] = []
    last = sent.base + len(sent.tokens) - 1
    i = end + 1
    # "Garsoor section (Kesta, Lomar)", "Kesta tea estate, Lomar": a kind word or two of the
    # name's own before its containers
    k = i
    while k <= last and k - i < 2 and sent.tok(k).text.isalpha() and sent.tok(k).text.islower():
        k += 1
    if k > i and k <= last and sent.tok(k).text in (",", "("):
        i = k
    for _ in range(3):
        while i <= last and (sent.tok(i).text in (",", "(") or sent.tok(i).text.lower() in CHAIN_WORDS):
            i += 1
        j = _name_end(sent, i, last)
        if j == i and i <= last and is_code(sent.tok(i).text) and sent.has(i - 1) and sent.tok(i - 1).text in (",", "("):
            j = i + 1  # "Poonch district (J&K)", "Kotwali Nagar, Pratapgarh (UP)": a state's code
        if j == i:
            break
        out.append((i, j - 1))
        i = j
    return out


def _chain_admins(article: Article, sent: Sent, end: int, lookup: Lookup, name_of: NameOf) -> set[str]:
    """First-level divisions that the names right after a name place it in: "X (Y, Z)", "X, Y"."""
    out: set[str] = set()
    for i, j in _chain_ranges(sent, end):
        cands = lookup(article.text[sent.tok(i).start : sent.tok(j).end])
        divisions = [c for c in cands if c.feature == "ADM1"]
        # "X and Sonora": a name that is a province means the province, not the towns named after it
        for c in divisions or cands:
            name = c.name if c.feature == "ADM1" else name_of(c.adm1)
            if name:
                out.add(name)
    return out


def _cap(t: Token) -> bool:
    w = t.text
    return w[:1].isupper() and t.pos in ("PROPN", "NOUN", "ADJ", "X") and w.lower() not in TYPE_WORDS and not w.isupper()


def _best(
    cands: tuple[Candidate, ...], countries: Counter[str], admins: set[str], local: Sequence[Place], name_of: NameOf,
    *, strict: bool = False, features: tuple[str, ...] = SITE_FEATURES, firm: bool = True, min_score: float = 0.0,
) -> Candidate | None:
    """The reading the article vouches for: in a named first-level division, near a place of
    the sentence, or in the article's country; else (unless ``strict``) the only country the
    name may be in."""
    best: tuple[float, Candidate] | None = None
    lead = _dominant(cands, features) if not strict and not countries and not local and not admins else None
    for c in cands:
        if not c.feature.startswith(features):
            continue
        if c is lead:  # nothing else to go by: a city far bigger than its namesakes abroad
            return c
        near = any(haversine(c.lat, c.lon, p.lat, p.lon) <= NEAR_KM for p in local if p.lat is not None and p.lon is not None)
        in_admin = c.adm1 is not None and name_of(c.adm1) in admins
        score = 3.0 * near + 2.0 * in_admin + 1.0 * (countries.get(c.country, 0) > 0)
        if score == 0.0 and (strict or (countries and firm) or len({x.country for x in cands}) > 1):
            continue
        if score < min_score:
            continue
        score += 0.1 * (c.population > 0) + min(c.population, 10**6) / 10**7
        if best is None or score > best[0]:
            best = (score, c)
    return best[1] if best else None


def _lone(cands: tuple[Candidate, ...], features: tuple[str, ...]) -> Candidate | None:
    """The most populous reading when all readings lie in one country (with nothing else in the
    article to go by)."""
    towns = [c for c in cands if c.feature.startswith(features)]
    if not towns or len({c.country for c in cands}) > 1:
        return None
    return max(towns, key=lambda c: c.population)


#: A reading this populous and this many times bigger than any namesake abroad stands alone.
DOMINANT_POPULATION = 50_000
DOMINANT_RATIO = 10


def _dominant(cands: tuple[Candidate, ...], features: tuple[str, ...]) -> Candidate | None:
    """The most populous reading, when it dwarfs every reading in another country."""
    towns = [c for c in cands if c.feature.startswith(features)]
    if not towns:
        return None
    top = max(towns, key=lambda c: c.population)
    rivals = [c.population for c in cands if c.country != top.country]
    if top.population >= DOMINANT_POPULATION and all(top.population >= DOMINANT_RATIO * r for r in rivals):
        return top
    return None


def reread(article: Article, sent: Sent, places: Sequence[Place], lookup: Lookup, name_of: NameOf) -> list[Place]:
    """The sentence's local places, re-read where the article contradicts the places stage's
    reading (a town in another country than the article's, a town outside the division named
    next to it) and another reading of the name is vouched for by the article."""
    dem = demonyms()
    countries: Counter[str] = Counter()
    for p in places:  # "Saudi-led coalition air raids ... in Yemen": an actor's demonym says who, not where
        if p.country and p.lat is not None and p.span.text.lower() not in dem:
            countries[p.country] += 2 if p.feature == "PCLI" else 1  # "in northern Yemen" says where outright
    home = countries.most_common(1)[0][0] if countries else None
    admins = {p.admin1 for p in places if p.admin1 and p.country == home}
    mine = [p for p in places if sent.sentence.start <= p.span.start < sent.sentence.end]
    out: list[Place] = []
    for n, p in enumerate(mine):
        if p.lat is None or p.feature is None or not p.feature.startswith((*SITE_FEATURES, "ADM1")):
            out.append(p)
            continue
        last = max((t.i for t in sent.tokens if p.span.start <= t.start < p.span.end), default=None)
        chain = _chain_admins(article, sent, last, lookup, name_of) if last is not None else set()
        others = [q for q in mine[:n] + mine[n + 1 :] if q.lat is not None and q.feature not in ("PCLI", "RGN", "CONT")]
        c: Candidate | None = None
        kinds = (*SITE_FEATURES, "ADM1") if p.feature == "ADM1" else SITE_FEATURES  # a province re-read stays a province
        if chain and p.admin1 not in chain:  # "Norvale, Ardshire" with Norvale read outside Ardshire
            c = _best(lookup_bare(p.span.text, lookup), Counter(), chain, (), name_of, strict=True, features=kinds)
        elif not chain and home is not None and (p.country != home or (admins and p.admin1 not in admins)):
            c = _best(lookup_bare(p.span.text, lookup), Counter({home: 1}), admins, others, name_of, strict=True, features=kinds)
            c = c if c is not None and c.country == home else None
        if c is None or (c.lat, c.lon) == (p.lat, p.lon):
            out.append(p)
            continue
        out.append(
            Place(
                p.span, name=c.name, geonameid=c.geonameid, lat=round(c.lat, 5), lon=round(c.lon, 5), country=c.country or None,
                admin1=name_of(c.adm1), admin2=name_of(c.adm2), feature=c.feature, confidence=min(p.confidence, 0.5),
            )
        )
    return out


def lookup_bare(name: str, lookup: Lookup) -> tuple[Candidate, ...]:
    """Candidates of a name, without a trailing type word ("Norvale city", "Kesta municipality")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in CHAIN_WORDS:
        return lookup(" ".join(words[:-1])) or lookup(name)
    return lookup(name)


#: Words after a division's name that say the division is meant, not its namesake town.
DIVISION_WORDS = frozenset(
    {"province", "state", "governorate", "region", "district", "county", "department", "oblast", "prefecture", "division",
     "municipality", "countryside", "provinces", "states", "regions", "districts", "territory", "upazila", "lga", "raion"}
)


#: Words after a name that say a town is meant.
TOWN_WORDS = frozenset({"city", "town", "village"})


def localize(text: str, p: Place, lookup: Lookup, name_of: NameOf) -> Place:
    """"protested in Norvale": a division read where its namesake town, inside it, is meant
    (the places stage prefers the division); "Norvale province" stays the province, but
    "Norvale district" becomes its namesake town (where such events are placed)."""
    if p.feature not in ("ADM1", "ADM2") or p.lat is None:
        return p
    words = p.span.text.split()
    after = text[p.span.end : p.span.end + 20].split()
    said = words[-1].lower() if len(words) > 1 else (after[0].lower().strip(".,;)") if after else "")
    if p.feature == "ADM1" and said in DIVISION_WORDS:
        return p
    division = p.name if p.feature == "ADM1" else p.admin1
    name = " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in DIVISION_WORDS | TOWN_WORDS else p.span.text
    towns = [
        c for c in lookup(name)
        if c.feature.startswith("PPL") and c.country == p.country and division is not None and name_of(c.adm1) == division
    ]
    if not towns:
        return p
    c = max(towns, key=lambda c: c.population)
    return Place(
        p.span, name=c.name, geonameid=c.geonameid, lat=round(c.lat, 5), lon=round(c.lon, 5), country=c.country or None,
        admin1=name_of(c.adm1), admin2=name_of(c.adm2), feature=c.feature, confidence=p.confidence,
    )
