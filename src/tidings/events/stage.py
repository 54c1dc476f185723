"""The events stage: ACLED-typed events with actors, date, place, fatalities, modality and
attribution (rules in ``rules.toml`` and ``actors.toml``; see docs/events.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

from ..geo.gazetteer import Candidate, Gazetteer, open_gazetteer, resembling
from ..geo.resolve import haversine
from ..model import Article, Event, EventDate, Place
from ..pipeline import ArticleStage
from .attach import NO_DATE, attribution, event_date, event_place, main_place, modality, none_reported
from .build import Cand, absorbs, candidate, default_actor, ellipsis, merge_sentence, refine, residual
from .casualties import Death, combine, find_deaths, lone_victim
from .country import document_country
from .rules import load_rules
from .site import Lookup, NameOf, find_sites, localize, lookup_bare, reread
from .tree import Sent, build_sents
from .triggers import find_triggers

#: how many sentences back an event may lend its date/place/victims to a later sentence
CONTEXT_SENTENCES = 3


class _Lookups(NamedTuple):
    """The gazetteer accesses the events stage uses, cached."""

    lookup: Lookup
    name_of: NameOf
    seat: Callable[[int | None], Candidate | None]
    fuzzy: Lookup


def _other_spellings(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """Readings of a name written another way: without its Arabic article ("Qamishli"), then
    with other vowels or doubled letters (same consonant skeleton: "Nabatiye") where the
    reading still looks like the name (filtered here once per name, as this is cached)."""
    found = gaz.lookup_article(name)
    seen = {c.pid for c in found}
    return (*found, *resembling(name, (c for c in gaz.lookup_skeleton(name) if c.pid not in seen)))


class EventStage(ArticleStage):
    name = "events"
    requires = frozenset({"tokens", "sentences", "entities", "quantities", "times", "places", "quotes"})
    assigns = frozenset({"events"})

    def __init__(self, *, residual: bool = True, sites: bool = True, gazetteer: str | None = None) -> None:
        self.rules = load_rules()
        self.residual = residual
        self.sites = sites
        self.gazetteer_path = Path(gazetteer) if gazetteer else None
        self._gaz: _Lookups | None = None

    def _lookups(self) -> _Lookups:
        """Gazetteer lookups for names the places stage missed (opened on first use)."""
        if self._gaz is None:
            gaz = open_gazetteer(self.gazetteer_path)
            self._gaz = _Lookups(
                lru_cache(maxsize=20_000)(gaz.lookup), gaz.name_of,
                lru_cache(maxsize=5_000)(gaz.seat), lru_cache(maxsize=20_000)(partial(_other_spellings, gaz)),
            )
        return self._gaz

    def _countries_of(self, name: str) -> frozenset[str]:
        """The countries a name (less a trailing type word: "Kesta district") has readings in."""
        return frozenset(c.country for c in lookup_bare(name, self._lookups().lookup) if c.country)

    def _seated(self, p: Place) -> Place:
        """A place known only as a division, at its seat: ACLED codes such events at the
        division's capital (geo-precision 3), not at its centre. Name and evidence stay the
        division's."""
        if p.feature not in ("ADM1", "ADM2") or p.lat is None or p.lon is None:
            return p
        gaz = self._lookups()
        pid = p.geonameid
        if pid is None:
            pid = next((c.pid for c in gaz.lookup(p.name or p.span.text) if c.feature == p.feature and (c.lat, c.lon) == (p.lat, p.lon)), None)
        seat = gaz.seat(pid)
        if seat is None:
            return p
        return replace(p, lat=round(seat.lat, 5), lon=round(seat.lon, 5))

    def _countryside(self, text: str, p: Place) -> Place | None:
        """"in Deir-ez-Zor countryside", "the eastern countryside of Aleppo": the province around
        the town, at the province's centre (not the town, not the province's seat)."""
        if p.lat is None or p.lon is None or not (_COUNTRYSIDE_AFTER.match(text, p.span.end) or _COUNTRYSIDE_BEFORE.search(text, max(0, p.span.start - 30), p.span.start)):
            return None
        lat, lon = p.lat, p.lon
        adm1 = next(
            (c for c in lookup_bare(p.span.text, self._lookups().lookup) if c.feature == "ADM1" and c.country == p.country and haversine(c.lat, c.lon, lat, lon) <= 150),
            None,
        )
        if adm1 is None:
            return None
        return replace(p, name=adm1.name, geonameid=adm1.geonameid, lat=round(adm1.lat, 5), lon=round(adm1.lon, 5), feature="ADM1")

    def _narrower(
        self, article: Article, sents: tuple[Sent, ...], index: int, sites: dict[int, list[Place]], place: Place, near: Sequence[Place], at: int
    ) -> Place:
        """A country found as the place ("...supporters of the President of X") yields to a town or
        division of it named in ``near`` (the sentence's places), else to the nearest earlier
        sentence's."""
        if place.feature != "PCLI":
            return place
        return _within_country(place, near, at) or (self._scene(article, sents, index, sites, place.country) if index > 0 else None) or place

    def _sites(self, article: Article, sent: Sent) -> list[Place]:
        if not self.sites:
            return []
        gaz = self._lookups()
        read = reread(article, sent, article.places, gaz.lookup, gaz.name_of)
        return [*read, *find_sites(article, sent, article.places, gaz.lookup, gaz.name_of, gaz.fuzzy)]

    def __call__(self, article: Article) -> Article:
        if not article.sentences:
            return article.with_(events=())
        sents = build_sents(article)
        cands, lone = self._candidates(article, sents)
        if not cands and self.residual and (r := residual(article, sents, self.rules)) is not None:
            cands = [r]
        _assign_deaths(cands, find_deaths(article, sents, self.rules), lone)
        doc = (
            frozenset().union(*(s.lemmas for s in sents)),
            frozenset().union(*(s.verbs for s in sents)),
            frozenset().union(*(s.verbs_any for s in sents)),
        )
        refine(cands, doc, self.rules)
        return article.with_(events=tuple(self._events(article, sents, cands)))

    def _scene(
        self, article: Article, sents: tuple[Sent, ...], index: int, sites: dict[int, list[Place]], country: str | None = None
    ) -> Place | None:
        """The place that the nearest earlier sentence (within CONTEXT_SENTENCES) is set in; with
        ``country``, the nearest place more specific than a country in that country."""
        for k in range(index - 1, max(-1, index - 1 - CONTEXT_SENTENCES), -1):
            sent = sents[k]
            if k not in sites:
                sites[k] = self._sites(article, sent)
            root = next((t for t in sent.tokens if t.dep == "ROOT"), sent.tokens[0])
            place = event_place(article, article.places, sent, root, None, (), sites[k], self._countries_of)
            if place is not None and (country is None or (place.country == country and place.feature != "PCLI")):
                return place
        return None

    def _candidates(self, article: Article, sents: tuple[Sent, ...]) -> tuple[list[Cand], list[Death]]:
        rules = self.rules
        cands: list[Cand] = []
        lone: list[Death] = []
        prev: Cand | None = None
        country = document_country(article)
        for sent in sents:
            hits = find_triggers(sent, rules)
            for h in hits:
                q = lone_victim(article, sent, h.token, rules)
                if q is not None and all(d.quantity.span != q.span for d in lone):
                    lone.append(Death(sent.index, h.token.i, q))
            merged = merge_sentence([candidate(article, sent, h, rules, country) for h in hits], rules)
            kept = [c for c in merged if not absorbs(prev, c) and not (c.rule.casualty and none_reported(sent, c.trigger))]
            if not hits and (e := ellipsis(article, sent, prev, rules)) is not None:
                kept = [e]
            for c in kept:
                default_actor(article, c)
            cands.extend(kept)
            if kept:
                prev = kept[0]
        return cands, lone

    def _events(self, article: Article, sents: tuple[Sent, ...], cands: list[Cand]) -> list[Event]:
        rules = self.rules
        out: list[Event] = []
        fallback = main_place(article.places)
        prev_date: tuple[int, EventDate] | None = None
        prev_place: tuple[int, Place] | None = None
        sites: dict[int, list[Place]] = {}
        for n, c in enumerate(cands):
            t, sent = c.trigger, c.sent
            date = event_date(article, sent, t)
            if date is None:
                near = prev_date is not None and sent.index - prev_date[0] <= CONTEXT_SENTENCES
                date = prev_date[1] if near and prev_date is not None else NO_DATE
            else:
                prev_date = (sent.index, date)
            obj = c.roles.place_obj or c.roles.actor2
            if sent.index not in sites:
                sites[sent.index] = self._sites(article, sent)
            place = event_place(article, article.places, sent, t, obj, (c.actor1, *c.assoc), sites[sent.index], self._countries_of)
            if place is None:
                near = prev_place is not None and sent.index - prev_place[0] <= CONTEXT_SENTENCES
                place = prev_place[1] if near and prev_place is not None else self._scene(article, sents, sent.index, sites) or fallback
                if place is not None:
                    place = self._narrower(article, sents, sent.index, sites, place, (), t.start)
            else:
                place = self._narrower(article, sents, sent.index, sites, place, sites[sent.index], t.start)
                prev_place = (sent.index, place)
            if place is not None and self.sites:
                gaz = self._lookups()
                place = self._countryside(article.text, place) or self._seated(localize(article.text, place, gaz.lookup, gaz.name_of))
            if place is not None and place.lat is None:
                place = _container_of(place, sites[sent.index]) or place
            mod = modality(sent, t, rules)
            att = attribution(article, article.quotes, sent, t, rules)
            if att is not None and mod == "asserted":
                mod = "reported"
            out.append(
                Event(
                    id=f"ev{n + 1}",
                    type=c.type,
                    sub_type=c.sub_type,
                    trigger=article.span(t.start, t.end),
                    sentence=(sent.sentence.start, sent.sentence.end),
                    date=date,
                    actor1=c.actor1,
                    actor2=c.actor2,
                    assoc_actors=c.assoc,
                    location=place,
                    fatalities=combine(c.deaths),
                    modality=mod,
                    attributed_to=att,
                    confidence=_confidence(c, date, place),
                    plover=c.rule.plover or None,
                )
            )
        return _one_per_day_and_place(out)


#: Events this close (characters between their sentences) may be one happening told twice.
SAME_HAPPENING_CHARS = 600


def _one_per_day_and_place(events: list[Event]) -> list[Event]:
    """ACLED codes one event per day, place and actors: a later event of the same kind, day,
    place, modality and (compatible) actor within a few sentences of an earlier one tells the
    same happening again ("X attacked the town. X's troops killed 613 people there") and is
    folded into it, lending its actors and death toll. Two different death tolls stay apart."""
    out: list[Event] = []
    for e in events:
        at = next((j for j in range(len(out) - 1, -1, -1) if _same_happening(out[j], e)), None)
        if at is None:
            out.append(e)
            continue
        host = out[at]
        out[at] = replace(
            host,
            actor1=host.actor1 if host.actor1 is not None and host.actor1.canonical else e.actor1 or host.actor1,
            actor2=host.actor2 or e.actor2,
            fatalities=host.fatalities or e.fatalities,
            confidence=max(host.confidence, e.confidence),
        )
    return [replace(e, id=f"ev{n + 1}") for n, e in enumerate(out)]


def _same_happening(a: Event, b: Event) -> bool:
    if (a.type, a.sub_type, a.modality) != (b.type, b.sub_type, b.modality) or a.date.begin is None:
        return False
    if (a.date.begin, a.date.end_date) != (b.date.begin, b.date.end_date) or b.sentence[0] - a.sentence[1] > SAME_HAPPENING_CHARS:
        return False
    la, lb = a.location, b.location
    if la is None or lb is None or la.lat is None or lb.lat is None or (la.lat, la.lon) != (lb.lat, lb.lon):
        return False
    if a.fatalities is not None and b.fatalities is not None and a.fatalities.value != b.fatalities.value:
        return False
    c1, c2 = (a.actor1.canonical if a.actor1 else None), (b.actor1.canonical if b.actor1 else None)
    return c1 is None or c2 is None or c1 == c2


def _confidence(c: Cand, date: EventDate, place: Place | None) -> float:
    if c.rule.weight == 0:
        return 0.1  # the residual event
    score = 0.4 + 0.03 * min(c.rule.weight, 10)
    score += 0.1 * (c.actor1 is not None) + 0.1 * (date.begin is not None) + 0.1 * (place is not None)
    return min(score - 0.2 * c.rule.weak, 0.95)


def _assign_deaths(cands: list[Cand], deaths: list[Death], lone: list[Death]) -> None:
    """Each death count goes to one violent event: the one in its sentence (nearest trigger),
    else the last one before it, else the first after it when its own sentence has none. Lone
    victims count unless an explicit total is given or their sentence has a counted figure."""
    counted = {d.sentence for d in deaths}
    totals = any((d.quantity.unit or "") in ("fatality", "fatalities") for d in deaths)
    for d in [*deaths, *(x for x in lone if x.sentence not in counted and not totals)]:
        target = _target(cands, d)
        if target is not None:
            target.deaths.append(d.quantity)


def _target(cands: list[Cand], d: Death) -> Cand | None:
    same = [c for c in cands if c.sent.index == d.sentence]
    violent = [c for c in same if c.violent]
    if violent:
        return min(violent, key=lambda c: abs(c.trigger.i - d.token))
    before = [c for c in cands if c.sent.index < d.sentence and c.violent and d.sentence - c.sent.index <= CONTEXT_SENTENCES]
    if before:
        return before[-1]
    if same:  # the deaths of a protest's cause, a disease...: not this event's fatalities
        return None
    after = [c for c in cands if c.sent.index > d.sentence and c.violent]
    return after[0] if after else None


_COUNTRYSIDE_AFTER = re.compile(r"\s+countryside\b", re.IGNORECASE)
_COUNTRYSIDE_BEFORE = re.compile(r"\bcountryside\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _local(p: Place) -> bool:
    """A resolved division or town (not a country, region or sea)."""
    return p.lat is not None and (p.feature or "").startswith(("ADM", "PPL"))


def _within_country(country: Place, sites: Sequence[Place], at: int) -> Place | None:
    """The resolved town or division of ``country`` named in the sentence nearest to ``at``."""
    inside = [p for p in sites if p.country == country.country and _local(p)]
    return min(inside, key=lambda p: abs(p.span.start - at), default=None)


def _container_of(place: Place, sites: Sequence[Place]) -> Place | None:
    """For a site the gazetteer does not know ("Erkech village (Todan, Goranboy)"), the first
    resolved province, district or town named after it in the sentence: where it lies."""
    after = [p for p in sites if p.span.start >= place.span.end and _local(p)]
    return min(after, key=lambda p: p.span.start, default=None)
