"""Date, place, modality and attribution of a trigger, from the other layers and the parse."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..geo.fold import fold
from ..geo.resolve import haversine
from ..geo.stage import place_words
from ..model import Article, DateOrigin, EventDate, Mention, Modality, Place, Quote, Time, Token
from ..timex import time_for_span
from .country import demonyms
from .rules import Rules
from .tree import Sent

NO_DATE = EventDate(None, None, None, "none")
_BACKGROUND_DATE = frozenset({"since", "until", "till", "before", "by"})


def _preceding_word(article: Article, start: int) -> str:
    words = article.text[max(0, start - 12) : start].lower().split()
    return words[-1] if words else ""


def event_date(article: Article, sent: Sent, trigger: Token) -> EventDate | None:
    """The DATE in the trigger's sentence nearest the trigger (None if the sentence has none)."""

    def background(t: Time) -> bool:  # "since 1988": when a state began, not when this happened
        first_word = t.span.text.split(" ", 1)[0].lower()
        return _preceding_word(article, t.span.start) in _BACKGROUND_DATE or first_word in _BACKGROUND_DATE

    s = sent.sentence
    t = time_for_span(article, s.start, s.end, trigger=trigger.start, exclude=background, precise_first=False)
    if t is None:
        return None
    published = article.published.value
    origin: DateOrigin = "published" if t.anchor == "published" and t.begin == published == t.end_date else "text"
    return EventDate(t.span, t.begin, t.end_date or t.begin, origin)


def event_place(
    article: Article,
    places: Sequence[Place],
    sent: Sent,
    trigger: Token,
    obj: Token | None,
    actors: Sequence[Mention | None] = (),
    sites: Sequence[Place] = (),
    countries_of: Callable[[str], frozenset[str]] | None = None,
) -> Place | None:
    """A place tied to the trigger by the parse, else the nearest place in the sentence. Places
    inside the name of who acted ("the Armenian troops") or used as adjectives are not
    locations. ``sites`` are names the places stage missed (see ``site.py``). The most specific
    name of a chain ("X village, Y district", "X (Y, Z)", "X in Y province") wins over its
    containers, and a place in another country than the article's loses."""
    taken = [(m.span.start, m.span.end) for m in actors if m is not None and m.span.end > m.span.start]
    dem = demonyms()
    over = {(p.span.start, p.span.end) for p in sites}
    named = sorted(
        (
            p
            for p in (*(q for q in places if (q.span.start, q.span.end) not in over and not _within(q, sites)), *sites)
            if sent.sentence.start <= p.span.start < sent.sentence.end and p.span.text.lower() not in dem
        ),
        key=lambda p: p.span.start,
    )
    inside = [
        p for p in named
        if not any(s <= p.span.start < e and not _town_as_actor(p, s, e) and not _actors_home(article.text, p, s, e) for s, e in taken)
        and not cut_from_name(article.text, p)
    ]
    if not inside:
        return None
    tied_toks = {obj.i} if obj is not None else set()
    verbs = [trigger, *(k for k in sent.kids(trigger.i, "conj") if k.pos == "VERB")]
    for verb in verbs:  # "shot and killed a soldier in Kesta": the place of the verb joined to the trigger
        for prep in sent.kids(verb.i, "prep"):
            if verb is trigger or prep.text.lower() != "from":  # "killed merchants from X": where they came from
                tied_toks.update(k.i for k in sent.kids(prep.i, "pobj"))
    tied = {id(p) for p in inside for i in tied_toks if sent.has(i) and _names(sent, sent.tok(i), p)}
    part = {id(p) for p in named if _part_of_name(article.text, p)}
    # chains and strays are read over every name of the sentence, actors' included
    whole = [p for p in named if id(p) not in part]
    outer, heads, namesakes = _containers(article.text, whole)
    # the article's country, from the places that are not contradicted where they stand
    bad = {q.span.start for q in named if id(q) in part | namesakes} | {q.span.start for q in places if _within(q, sites)}
    evidence = _country_evidence(places, sites, bad, countries_of) if countries_of is not None else []
    alien = {id(p) for p in inside if evidence and _unsupported(p, evidence)}
    bad |= {p.span.start for p in inside if id(p) in alien}  # a namesake abroad says nothing of the article's country
    home = _home_country([p for p in places if p.span.start not in bad], [p for p in sites if p.span.start not in bad])
    if alien and all(id(p) in alien for p in inside):
        return None
    return max(
        inside,
        key=lambda p: (
            _place_score(p, id(p) in tied)
            - 3 * (id(p) in outer)
            - 2 * (id(p) in namesakes)
            - 1 * _annotates(article.text, p.span.start)
            + 2 * (id(p) in heads)
            - 3 * (home is not None and p.country not in (None, home))
            - 3 * (id(p) in part)
            - 2 * (id(p) in part and _STREET_AFTER.match(article.text, p.span.end) is not None)
            - 3 * _stray(p, whole)
            - 5 * _country_modifier(sent, p)
            - 6 * (id(p) in alien)
            - 3 * _reference_point(article.text, p, named),
            -abs(p.span.start - trigger.start),
        ),
    )


_BEARING = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?$", re.I)


def _reference_point(text: str, p: Place, named: Sequence[Place]) -> bool:
    """"Majzar district west of Marib city": a place named to say where the one before it lies."""
    if not _BEARING.search(text, max(0, p.span.start - 30), p.span.start):
        return False
    return any(q.span.end <= p.span.start and p.span.start - q.span.end <= 40 for q in named if q is not p)


def _country_evidence(
    places: Sequence[Place], sites: Sequence[Place], bad: set[int], countries_of: Callable[[str], frozenset[str]]
) -> list[tuple[str, str, bool]]:
    """(country, folded name, whether the name names a town or division that can only be in
    that country) of the resolved places not contradicted where they stand."""
    return [
        (q.country, fold(q.span.text), (q.feature or "").startswith(("ADM1", "ADM2", "PPL")) and len(countries_of(q.span.text)) == 1)
        for q in (*places, *sites)
        if q.country and q.lat is not None and q.span.start not in bad
    ]


def _unsupported(p: Place, evidence: Sequence[tuple[str, str, bool]]) -> bool:
    """A town read in a country that no other name of the article points to, while a town or
    division named in the article can only be in another ("Komsomolets" read in Russia next to
    "Donetsk", "Mansura" read in Egypt next to "Ar-Raqqa"): a namesake abroad, likely not the
    place meant. Countries' names do not count ("a US air strike", "goods from Turkey" say who
    or what, not where), nor names found in several countries ("Punjab", "Nord-Ouest")."""
    if p.country is None or p.lat is None or p.feature not in ("PPL", "ADM2"):
        return False
    own = fold(p.span.text)
    others = [(country, key, only) for country, key, only in evidence if key != own]
    if any(country == p.country for country, _, _ in others):
        return False
    named = Counter(country for country, _ in {(country, key) for country, key, only in others if only})
    return max(named.values(), default=0) >= ALIEN_SUPPORT


#: How many names (towns, divisions) that can only be in another country make a lone foreign
#: town a namesake.
ALIEN_SUPPORT = 1


#: A town farther than this (km) from every other place of its sentence is a stray reading.
STRAY_KM = 150.0
#: ... or this far from a first-level division of the sentence it is not in.
STRAY_DIVISION_KM = 250.0


def _stray(p: Place, inside: Sequence[Place]) -> bool:
    """"the Nima community of Accra" with Nima read in another continent: a local reading far
    from every other local place of the sentence (and outside every division it names)."""
    if p.lat is None or p.lon is None or not (p.feature or "").startswith(("PPL", "ADM2")):
        return False
    lat, lon = p.lat, p.lon
    others = [
        (q, haversine(lat, lon, q.lat, q.lon)) for q in inside
        if q is not p and q.lat is not None and q.lon is not None and (q.feature or "").startswith(("PPL", "ADM"))
        and not (q.feature == "ADM1" and q.country != p.country)  # a division read abroad says nothing
    ]
    return bool(others) and not any(
        p.admin1 == q.name or km <= STRAY_DIVISION_KM if q.feature == "ADM1" else km <= STRAY_KM for q, km in others
    )


def _within(q: Place, sites: Sequence[Place]) -> bool:
    """Whether a site's longer name contains this place ("Foz" in "Foz do Iguacu")."""
    return any(s.span.start <= q.span.start and q.span.end <= s.span.end and s.span.end - s.span.start > q.span.end - q.span.start for s in sites)


_ORIGIN = frozenset({"origin", "descent", "nationality", "extraction", "heritage", "background", "ethnicity", "roots"})
_HOME_OF = re.compile(r"\b(?:of|from|in)\s+(?:the\s+)?$")


def _actors_home(text: str, p: Place, start: int, end: int) -> bool:
    """"residents of Kesta", "villagers from Lomar": a place the actor is of, where it acts
    (not "students of Kesta origin", where it only says where they come from)."""
    after = text[p.span.end : p.span.end + 14].split()
    return (
        bool(_HOME_OF.search(text[max(start, p.span.start - 12) : p.span.start]))
        and _CONTAINER_TAIL.fullmatch(text, p.span.end, end) is not None
        and not (after and after[0].lower().strip(",.") in _ORIGIN)
    )


#: What may follow a place to the end of an actor's name: its containers ("of Talas, Kayseri").
_CONTAINER_TAIL = re.compile(r"(?:\s*[,(]\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\)?)*[\s,.]*")


def _town_as_actor(p: Place, start: int, end: int) -> bool:
    """An actor that is only a town's name ("Norvale retaliated") still says where."""
    return (p.span.start, p.span.end) == (start, end) and (p.feature or "") in ("PPL", "PPLC", "ADM2")


_CHAIN = re.compile(
    r"\s*(?:((?:[a-z-]+\s+)?[a-z-]+)\s*)?(?:,|\(|\bin\b|\bof\b)\s*(?:the\s+)?(?:(?:central|downtown|old|city\s+of)\s+)?", re.IGNORECASE
)
#: Words that may stand between a place and its container ("X district of Y", "X village, Y").
_CHAIN_TYPES = frozenset(
    {"village", "town", "city", "area", "district", "region", "commune", "municipality", "township", "locality", "county",
     "province", "governorate", "subdistrict", "sub-district", "upazila", "lga", "tehsil", "mandal", "sector", "camp", "state",
     "subdivision", "sub-division", "taluka", "taluk", "block", "districts", "provinces", "villages", "towns"}
)

#: Words of sites named in a town ("the Kesta metro station in Norvale", "Kesta Square, Norvale").
_SITE_TYPES = frozenset({"station", "square", "street", "avenue", "road", "bridge", "market", "neighbourhood", "neighborhood", "quarter"})


def _containers(text: str, inside: Sequence[Place]) -> tuple[set[int], set[int], set[int]]:
    """Places that follow another one as its container ("X, Y", "X (Y", "X district of Y"),
    the places so contained (a reading their container vouches for), and the places whose
    container contradicts them (a namesake read in another country or province: losers too)."""
    out: set[int] = set()
    heads: set[int] = set()
    namesakes: set[int] = set()
    for n, (a, b) in enumerate(zip(inside, inside[1:], strict=False)):
        gap = text[a.span.end : b.span.start]
        m = _CHAIN.fullmatch(gap) if len(gap) <= 28 else None
        if m is not None and gap.strip() == "," and _listed(text, inside, n + 1):
            continue  # "in Kabul, Ghor, Laghman, and Balkh provinces": a list, not a chain
        kind = (m.group(1) or "").lower().split()[-1:] if m is not None else []
        if a.lat is None or m is None or (kind and kind[0] not in _CHAIN_TYPES | _SITE_TYPES):
            continue
        if b.span.text.lower() in _DIRECTIONS:
            out.add(id(b))  # "Dowa (Central)", "Yangon (East) district": a region too vague to contradict X
            continue
        if kind and kind[0] in _SITE_TYPES:
            if _far_from_town(a, b):  # "the Kesta metro station in Norvale" with Kesta read far off
                out.add(id(a))
                namesakes.add(id(a))
            continue  # a site named after a place is in the town that follows, not at that place
        if _rank(b) > _rank(a) and not (_named_after(b, b) and a.admin1 == b.admin1):
            continue  # (but "Sirwah district (Marib)": the province, read as its namesake town, holds X)
        if a.country is not None and b.country is not None and a.country != b.country:
            if _named_after(a, b):
                # "Hinche, Centre": X's division has Y's name, Y was read as a namesake elsewhere
                out.add(id(b))
                heads.add(id(a))
                namesakes.add(id(b))
                continue
            if gap.strip() != "," or b.feature in ("PCLI", "ADM1", "PPLC") or (b.feature == "PPL" and a.feature != "PPLC"):
                out.add(id(a))  # "X (Y" with Y in another country: X is a namesake
                namesakes.add(id(a))
            continue
        if b.feature == "ADM1" and a.admin1 is not None and a.admin1 != b.name and (a.feature or "").startswith("PPL"):
            out.add(id(a))  # "X, Y" with Y a province X is not in: X is a namesake
            namesakes.add(id(a))
            continue
        if _outside_district(a, b):
            out.add(id(a))  # "Pipri, Kaushambi" with Pipri read far outside Kaushambi district: a namesake
            namesakes.add(id(a))
            continue
        if _far_from_town(a, b) and "(" not in gap and (b.feature == "PPLC" or _a_city(text, b) or kind[:1] == ["area"]):
            out.add(id(a))  # "Ermita, Manila" with Ermita read 400 km away: a quarter of Y, not that X
            namesakes.add(id(a))
            continue
        out.add(id(b))
        if b.lat is not None and a.admin1 is not None and a.admin1 in (b.admin1, b.name):
            heads.add(id(a))
    # "Kasoa (Awutu, Central)" with Central read as another country's province: a town of the
    # sentence lies in a province of that name, so the province is a misread namesake
    for b in (q for q in inside if q.feature == "ADM1" and q.country is not None):
        for a in inside:
            if a.country != b.country and (a.feature or "").startswith(("PPL", "ADM2")) and _named_after(a, b):
                out.add(id(b))
                namesakes.add(id(b))
                heads.add(id(a))
    # "between Kesta and Varo, Belmark": the province holds both towns; the first named is the site
    # (the second is counted with the containers)
    for p, q in zip(inside, inside[1:], strict=False):
        if id(q) in heads and id(p) not in out and _COORDINATED.fullmatch(text, p.span.end, q.span.start) and p.country == q.country and p.lat is not None:
            heads.add(id(p))
            out.add(id(q))
    # "between Homs and Tadmor": the first named
    for p, q in zip(inside, inside[1:], strict=False):
        if _BETWEEN.search(text, max(0, p.span.start - 30), p.span.start) and _COORDINATED.fullmatch(text, p.span.end, q.span.start) and p.lat is not None:
            heads.add(id(p))
            out.add(id(q))
    # "in Panuco, El Higo, Tantoyuca and Tempoal": of a list of three or more, the first named
    run = [0]
    for k in range(1, len(inside) + 1):
        if k < len(inside) and _joined(text, inside[k - 1], inside[k]):
            run.append(k)
            continue
        if len(run) >= 3 and inside[run[0]].lat is not None:
            heads.add(id(inside[run[0]]))
            out.update(id(inside[j]) for j in run[1:])
        run = [k]
    return out, heads, namesakes


def _listed(text: str, places: Sequence[Place], i: int) -> bool:
    """Whether ``places[i]`` is followed by a place it is listed with: an item of a list rather
    than the container of the place before it."""
    return i + 1 < len(places) and _joined(text, places[i], places[i + 1])


def _joined(text: str, b: Place, c: Place) -> bool:
    """Whether ``c`` follows ``b`` after a comma or "and" and is of its level ("Kabul, Ghor")."""
    return _LIST_GAP.fullmatch(text, b.span.end, c.span.start) is not None and _rank(b) == _rank(c)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+(?:\w+\s+){0,2}of\s+)?$", re.IGNORECASE)
_COORDINATED = re.compile(r"\s+(?:and|to|or)\s+")


_CITY_AFTER = re.compile(r"\s+city\b", re.IGNORECASE)


def _a_city(text: str, p: Place) -> bool:
    """Whether the text calls the place a city: "Y city", or a name that ends in City
    ("Quezon City", "Kuwait City")."""
    return _CITY_AFTER.match(text, p.span.end) is not None or p.span.text.endswith(" City")


#: A place said to be in a town ("X, Y", "X area of Y city") lies within this distance (km) of it.
IN_TOWN_KM = 30.0


def _far_from_town(a: Place, b: Place) -> bool:
    """Whether ``a`` is read farther from the town ``b`` said to hold it than a town's quarter can be."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return (a.feature or "").startswith(("PPL", "ADM2")) and (b.feature or "").startswith("PPL") and haversine(a.lat, a.lon, b.lat, b.lon) > IN_TOWN_KM


#: A town said to be in a district lies within this distance (km) of the district's centre.
IN_DISTRICT_KM = 75.0


def _outside_district(a: Place, b: Place) -> bool:
    """Whether the town ``a`` is read too far from the district ``b`` said to hold it (a
    district read as the town it is named after included: "Rajganj (Jalpaiguri district")."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    if b.feature != "ADM2" and not ((b.feature or "").startswith("PPL") and b.span.text.lower().endswith(" district")):
        return False
    if not (a.feature or "").startswith(("PPL", "ADM2")) or (a.admin2 is not None and a.admin2 == b.name):
        return False
    return haversine(a.lat, a.lon, b.lat, b.lon) > IN_DISTRICT_KM


def _named_after(a: Place, b: Place) -> bool:
    """Whether ``b`` bears the name of the division ``a`` lies in."""
    return a.admin1 is not None and b.name is not None and fold(a.admin1) == fold(b.name)


_ANNOTATION = re.compile(r"[A-Za-z][\w'-]*\s*\(\s*(?:[^()]{0,40},\s*)?$")


def _annotates(text: str, start: int) -> bool:
    """Whether a name stands in a parenthesis that annotates the name before it with where that
    is: "Kesta (Lomar, Belmark)", "Kesta village (Lomar)"."""
    return bool(_ANNOTATION.search(text[max(0, start - 60) : start]))


def _country_modifier(sent: Sent, p: Place) -> bool:
    """"the US dollar", "Turkey-backed fighters": a country's name modifying a noun."""
    if p.feature != "PCLI":
        return False
    last = next((t for t in reversed(sent.tokens) if p.span.start <= t.start < p.span.end), None)
    head = sent.head(last) if last is not None else None
    return last is not None and head is not None and last.dep in ("compound", "amod", "npadvmod") and head.pos == "NOUN"


#: Words around a name that make it part of a street, road or neighbourhood name.
_SUBSITE_BEFORE = frozenset({"colonia", "barangay", "barrio", "street", "avenue"})
#: "Sanaa Street" (in Hodeidah): a street named after a town says nothing of where it is.
_STREET_AFTER = re.compile(r"\s+(?:street|road|avenue|boulevard|highway)\b", re.IGNORECASE)
_SUBSITE_AFTER = frozenset(
    {"neighborhood", "neighbourhood", "highway", "road", "street", "avenue", "bypass", "expressway", "farm", "estate",
     "intersection", "roundabout", "square", "plaza"}
)


#: Nouns of kinds of places: a capitalised one alone names a feature of the place, not a town.
_KIND_NOUNS = place_words() | {"camp", "mine", "zone", "base", "airbase", "commissioner", "quarter", "sector"}
_LEADING_NAME = re.compile(r"[A-Z][a-z]+")
#: A name joined to the next by a hyphenated connective ("Maskan-e Mehr", "Kut-al Amara").
_EZAFE = re.compile(r"[A-Za-z]-(?:e|i|ye|al|el|ul)\s+$")
#: Capitalised words that may stand right before a place's name.
_OPENERS = frozenset(
    {"in", "on", "at", "near", "the", "from", "to", "of", "and", "by", "outside", "inside", "around", "across", "between",
     "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "greater", "downtown",
     "rural", "upper", "lower", "new", "old", "during", "since", "after", "before", "when", "while", "as", "for",
     "yesterday", "today", "tonight", "meanwhile", "but", "however", "also", "then", "with", "into", "via", "over"}
)
_LONGER = re.compile(r" (?:(?:do|da|de|del|dos|das|di|al|as|ash|ad|ar|an|az|at|el|es|ed|er|en|bin|ibn|e|i) )?([A-Z][a-z]+)")
#: Words of facilities named after the place they are in ("Belen Hospital").
_FACILITY_WORDS = place_words() | {
    "hospital", "clinic", "university", "college", "school", "mosque", "church", "temple", "bank", "prison", "jail", "market",
    "airport", "camp", "base", "hotel", "court", "office", "building", "cemetery", "factory", "company", "club", "council",
    "police", "municipality", "governorate", "province", "district", "city", "town", "village", "area", "region", "state",
}
#: Capitalised words that may follow a place's name without making it another name.
_NAME_END = frozenset(
    {"city", "town", "village", "district", "province", "state", "region", "county", "governorate", "municipality", "area",
     "on", "in", "at", "and", "the", "after", "during", "since", "police", "army", "forces", "province's", "governor"}
)


def _part_of_name(text: str, p: Place) -> bool:
    """"the Norvale-Kesta highway", "Colonia Norvale", "Kesta neighbourhood", "Kesta Hospital":
    not the site."""
    before = text[max(0, p.span.start - 12) : p.span.start].split()
    after = text[p.span.end : p.span.end + 16]
    if (after.startswith("-") and not after[1:2].isdigit()) or (before and before[-1].lower() in _SUBSITE_BEFORE):
        return True
    return _no_name_of_its_own(text, p, _NAME_END, after_kinds=_SUBSITE_AFTER)


def cut_from_name(text: str, p: Place) -> bool:
    """No town's name at all: a kind noun alone ("Street", "Mine" of "Mine 6/7"), a quarter
    ("Colonia Centenario"), or a name cut from a longer one that is not a facility's ("Kut" of
    "Kut e Abdollah", "Bali" of "Bali Doogle village"; but "Belen Hospital" is at Belen)."""
    return _no_name_of_its_own(text, p, _NAME_END | _FACILITY_WORDS)


def _no_name_of_its_own(text: str, p: Place, name_end: frozenset[str], after_kinds: frozenset[str] = frozenset()) -> bool:
    """A kind noun alone or a quarter ("Street", "Colonia Centenario"), the end of a longer name
    ("Baja California"), a name followed by one of ``after_kinds`` ("Kesta neighbourhood"), or
    cut short before another capitalised word that is not in ``name_end`` ("Porto Meira")."""
    words = p.span.text.split()
    if words and (words[0].lower() in _SUBSITE_BEFORE or (len(words) == 1 and words[0].lower() in _KIND_NOUNS)):
        return True  # "Colonia Centenario" is a quarter; "Street", "Airport", "Camp" alone are no town's name
    if re.match(r"[a-z] ", p.span.text) or _EZAFE.search(text, max(0, p.span.start - 12), p.span.start):
        return True  # "Mehr", "e Mehr" of "Maskan-e Mehr": the end of a name joined by a connective
    before = text[max(0, p.span.start - 12) : p.span.start].split()
    if before and text[p.span.start - 1 : p.span.start] == " " and _LEADING_NAME.fullmatch(before[-1]):
        return before[-1].lower() not in _OPENERS  # "Baja California": the end of a longer name
    after = text[p.span.end : p.span.end + 16]
    following = after.split()
    if following and following[0].lower().strip(".,;") in after_kinds:
        return True
    more = _LONGER.match(after)  # "Porto Meira", "Belen Hospital": a longer name cut short
    return more is not None and more.group(1).lower() not in name_end


def _home_country(places: Sequence[Place], tiebreak: Sequence[Place] = ()) -> str | None:
    """The ISO country most resolved places of the article are in; on a tie, the one the
    ``tiebreak`` places (names found in the sentence) point to."""
    codes: Counter[str] = Counter()
    for p in places:
        if p.country and p.lat is not None:
            codes[p.country] += 1
    if not codes:
        return None
    ranked = codes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        tied = [c for c, n in ranked if n == ranked[0][1]]
        extra = Counter(p.country for p in tiebreak if p.country in tied and p.lat is not None)
        if extra:
            return extra.most_common(1)[0][0]
    return ranked[0][0]


def _names(sent: Sent, t: Token, p: Place) -> bool:
    return p.span.start <= t.start < p.span.end or _covers_modifier(sent, t, p)


#: Regions named by a direction alone ("Central", "East"): many countries have one.
_DIRECTIONS = frozenset(
    {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "north east", "north west",
     "south east", "south west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
     "south-west", "centre", "center"}
)
#: Seas, gulfs, straits and lakes: where a ship is, not where a town's event happened ("a
#: grenade at Black sea junction in Mogadishu", "the Red Sea port city").
_WATER = frozenset({"SEA", "OCN", "GULF", "BAY", "STRT", "CHN", "LK", "LKS", "STM"})


def _rank(p: Place) -> int:
    """How specific a place is: a town beats a province beats a country."""
    feature = p.feature or ""
    if feature.startswith(("PCL", "CONT", "RGN")) or feature in _WATER:
        specific = -2
    elif feature == "ADM1":
        specific = 0
    elif feature.startswith("ADM"):
        specific = 1
    else:
        specific = 2
    return specific


def _place_score(p: Place, tied: bool) -> int:
    """Tied by the parse, resolved, and specific."""
    specific = _rank(p)
    return 2 * tied + 4 * (p.lat is not None) + specific


def _covers_modifier(sent: Sent, t: Token, p: Place) -> bool:
    """"the Aghdam region", "the town of X": the place names the trigger's object."""
    for k in sent.kids(t.i, "compound", "amod", "prep", "pobj", "appos"):
        if p.span.start <= k.start < p.span.end:
            return True
        if k.dep == "prep" and k.text.lower() == "of" and any(p.span.start <= g.start < p.span.end for g in sent.kids(k.i, "pobj")):
            return True
    return False


def main_place(places: Sequence[Place]) -> Place | None:
    """The article's main place: the most often named resolved place (on ties, one in the
    country most places are in, else the first); places named only by a demonym ("Chilean
    workers") when there is no other."""
    dem = demonyms()
    named = [p for p in places if p.lat is not None and p.span.text.lower() not in dem]
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for p in named or places:
        if p.lat is None:
            continue
        key = p.name or p.span.text
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, p)
    if not counts:
        return None
    # on a tie, a place in the country most of the article's places are in
    countries = Counter(p.country for p in first.values() if p.country)
    return first[max(counts, key=lambda k: (counts[k], countries[first[k].country or ""]))]


def modality(sent: Sent, trigger: Token, rules: Rules) -> Modality:
    """negated / hypothetical / planned / asserted from the trigger's own clause."""
    chain = [trigger]
    if trigger.dep in ("xcomp", "conj", "acl") and (h := sent.head(trigger)) is not None:
        chain.append(h)
    words: set[str] = set()
    for t in chain:
        words.update(k.text.lower() for k in sent.kids(t.i, "neg", "aux", "auxpass", "mark", "advmod", "det"))
    if words & {"not", "n't", "never", "no"} or none_reported(sent, trigger):
        return "negated"
    if words & {"will", "shall", "'ll", "going"} or _to_be(sent, trigger, rules):
        return "planned"
    if words & rules.words("hypothetical"):
        return "hypothetical"
    return "asserted"


_NONE = frozenset({"no", "neither", "nor", "without"})


def none_reported(sent: Sent, trigger: Token) -> bool:
    """"no report of fatalities nor injuries", "without casualties": a noun said not to exist."""
    if trigger.pos != "NOUN":
        return False
    for t in (trigger, *sent.ancestors(trigger, limit=3)):
        if t.text.lower() == "without" or any(k.text.lower() in _NONE for k in sent.kids(t.i, "det", "cc", "preconj", "neg")):
            return True
        if t.pos == "VERB":
            break
    return False


def _to_be(sent: Sent, trigger: Token, rules: Rules) -> bool:
    """"are to be deployed", "plans to attack": an xcomp under be/plan words."""
    if trigger.dep != "xcomp":
        return False
    head = sent.head(trigger)
    if head is None:
        return False
    return head.lemma.lower() == "be" or head.lemma.lower() in rules.words("planned")


def attribution(
    article: Article, quotes: Sequence[Quote], sent: Sent, trigger: Token, rules: Rules
) -> Mention | None:
    """Whose claim this is: the speaker of a quote around it, "X said", "according to X"."""
    for q in quotes:
        if q.span.start <= trigger.start < q.span.end:
            return q.speaker or Mention(q.cue or q.span, None)
    reporting = rules.words("reporting")
    for t in [*sent.ancestors(trigger), *(x for x in sent.tokens if x.dep == "ROOT" and x.i != trigger.i)]:
        if t.lemma.lower() in reporting:
            subj = next(sent.kids(t.i, "nsubj"), None)
            if subj is not None and subj.pos != "PRON":
                return _speaker(article, sent, subj)
    for t in sent.tokens:
        if t.text.lower() == "according":
            to = next(sent.kids(t.i, "prep"), None)
            src = next(sent.kids(to.i, "pobj"), None) if to is not None else None
            if src is not None and (src.ent_type in ("PERSON", "ORG", "NORP") or src.lemma.lower() in rules.words("sources")):
                return _speaker(article, sent, src)
    return None


def _speaker(article: Article, sent: Sent, t: Token) -> Mention:
    lo = t.i
    for k in sent.kids(t.i, "compound", "amod", "poss"):
        lo = min(lo, k.i)
    start = sent.tok(lo).start
    ents = article.entities
    idx = bisect.bisect_right([e.span.start for e in ents], t.start) - 1
    canonical = None
    if idx >= 0 and ents[idx].span.start <= t.start < ents[idx].span.end:
        canonical = ents[idx].canonical
        start = min(start, ents[idx].span.start)
    return Mention(article.span(start, t.end), canonical)
