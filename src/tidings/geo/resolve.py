"""Toponym resolution in document context.

Each candidate gets a prior (feature class, population, exact name) and context bonuses: the
countries and first-level divisions the article names, containment phrases ("X, Y province"),
the countries the other places point to, and nearness to the other places (spatial minimality).
Names repeated in one article get one reading (one sense per discourse).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from .fold import fold, without_kind
from .gazetteer import Candidate


@dataclass(frozen=True, slots=True)
class Weights:
    """Score weights (tuned on development sets; see docs/gazetteer.md)."""

    feature: MappingProxyType[str, float] = field(
        default_factory=lambda: MappingProxyType(
            {"PCLI": 3.0, "CONT": 2.5, "RGN": 4.0, "OCN": 3.0, "SEA": 2.5, "GULF": 2.0, "STRT": 2.0, "CHN": 2.0, "ADM1": 0.5, "PPLC": 2.5, "PPL": 0.0, "ADM2": -0.5}
        )
    )
    pop: float = 0.4
    exact: float = 0.5
    named_country: float = 3.0
    named_admin: float = 0.5
    contained: float = 1.0
    #: Bonus for a division or country reading of "Y" in "X, Y" that holds a reading of X.
    holds: float = 2.5
    #: Per other place of the article (up to 2) lying in a first-level division candidate.
    holds_places: float = 1.5
    country_share: float = 0.25
    #: Per other name (up to 3) with a candidate within about one cell: co-location.
    cluster: float = 0.3
    #: A town whose prior leads all foreign namesakes by this much names its country.
    clear_margin: float = 1.5
    #: Bonus for sharing a first-level division with another place of the article.
    same_admin: float = 0.0
    #: Distance (km) -> bonus for being near another place of the article.
    near: tuple[tuple[float, float], ...] = ((50.0, 0.75), (200.0, 0.5), (500.0, 0.25))


DEFAULT_WEIGHTS = Weights()
#: Candidates this close to the chosen one count as the same reading for ``confidence``.
SAME_PLACE_KM = 50.0
#: Grid cell size (degrees) of the co-location index; neighbours count too.
CELL = 0.5
LOCAL_FEATURES = frozenset({"PPL", "PPLC", "ADM2"})
#: Words after a town's name that say it is one ("Ponce city"): the name is the town's exactly.
TOWN_WORDS = frozenset({"city", "town", "village"})


@dataclass(frozen=True, slots=True)
class Choice:
    candidate: Candidate | None
    confidence: float


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(c: Candidate, key: str, w: Weights = DEFAULT_WEIGHTS) -> float:
    exact = fold(c.name) in (key, without_kind(key, TOWN_WORDS))
    feature = w.feature.get(c.feature, 0.0)
    if c.feature == "PPLC" and not exact:
        feature /= 2  # a capital known by another name ("Salem", "Moria" of Jerusalem) is no capital's name here
    return feature + w.pop * math.log10(c.population + 1) + (w.exact if exact else 0.0)



@dataclass
class _Group:
    key: str
    cands: tuple[Candidate, ...]
    priors: tuple[float, ...]
    containers: list[int]  # indexes of groups named as containers ("X, Y")
    contents: list[int] = field(default_factory=list)  # groups this one contains ("Y" of "X, Y")


class Resolver:
    """Resolves the toponyms of one article; ``keys[i]`` names toponym i, ``cands[i]`` its candidates."""

    def __init__(
        self,
        keys: Sequence[str],
        cands: Sequence[tuple[Candidate, ...]],
        contained_in: Sequence[int | None],
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.w = weights
        self.index: dict[str, int] = {}
        self.groups: list[_Group] = []
        self.member: list[int] = []
        for key, cs in zip(keys, cands, strict=False):
            if key not in self.index:
                self.index[key] = len(self.groups)
                self.groups.append(_Group(key, cs, tuple(prior(c, key, weights) for c in cs), []))
            self.member.append(self.index[key])
        for i, j in enumerate(contained_in):
            if j is not None and self.member[j] != self.member[i]:
                self.groups[self.member[i]].containers.append(self.member[j])
                self.groups[self.member[j]].contents.append(self.member[i])

    def _anchors(self) -> dict[str | int, set[int]]:
        """Countries (ISO2) and divisions (pid) that the article names -> the groups naming them."""
        out: dict[str | int, set[int]] = {}
        for gi, g in enumerate(self.groups):
            if not g.cands:
                continue
            order = sorted(range(len(g.cands)), key=g.priors.__getitem__, reverse=True)
            best = g.cands[order[0]]
            if best.feature == "PCLI":
                out.setdefault(best.country, set()).add(gi)
            elif best.feature in ("ADM1", "ADM2"):
                out.setdefault(best.pid, set()).add(gi)
                out.setdefault(best.country, set()).add(gi)
            elif best.country and _clear(g, order, self.w.clear_margin):
                out.setdefault(best.country, set()).add(gi)  # an unambiguous town names its country
        return out

    def _context(self, gi: int, c: Candidate, anchors: dict[str | int, set[int]]) -> float:
        """Bonus from what the other names of the article say (a name never supports itself)."""
        g = self.groups[gi]

        def named(k: str | int | None) -> bool:
            return k is not None and bool(anchors.get(k, set()) - {gi})

        s = self.w.named_country if named(c.country) else 0.0
        if named(c.adm1) or named(c.adm2):
            s += self.w.named_admin
        for k in g.containers:
            if any(o.pid in (c.adm1, c.adm2) or (o.feature == "PCLI" and o.country == c.country) for o in self.groups[k].cands):
                s += self.w.contained
        if c.feature in ("ADM1", "ADM2", "PCLI"):  # "Tacoma, Washington": the division holding the town
            for k in g.contents:
                if any(c.pid in (o.adm1, o.adm2) or (c.feature == "PCLI" and o.country == c.country) for o in self.groups[k].cands):
                    s += self.w.holds
        return s

    def _cells(self) -> dict[tuple[int, int], set[int]]:
        """Grid cells (CELL degrees) holding a local candidate of each name: an index for co-location."""
        cells: dict[tuple[int, int], set[int]] = {}
        for gi, g in enumerate(self.groups):
            for c in g.cands:
                if c.feature in LOCAL_FEATURES:
                    cells.setdefault(_cell(c), set()).add(gi)
        return cells

    def _cluster(self, gi: int, c: Candidate, cells: dict[tuple[int, int], set[int]]) -> float:
        """Bonus for candidates that other names of the article could also be near (co-location)."""
        if self.w.cluster == 0.0 or c.feature not in LOCAL_FEATURES:
            return 0.0
        y, x = _cell(c)
        near: set[int] = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                near |= cells.get((y + dy, x + dx), set())
        return self.w.cluster * min(len(near - {gi}), 3)

    def _pick(self, scores: list[list[float]]) -> list[int | None]:
        return [max(range(len(s)), key=s.__getitem__) if s else None for s in scores]

    def resolve(self) -> list[Choice]:
        anchors = self._anchors()
        cells = self._cells()
        scores = [
            [p + self._context(gi, c, anchors) + self._cluster(gi, c, cells) for c, p in zip(g.cands, g.priors, strict=False)]
            for gi, g in enumerate(self.groups)
        ]
        picks = self._pick(scores)
        chosen = [g.cands[i] if i is not None else None for g, i in zip(self.groups, picks, strict=False)]
        share = Counter(c.country for c in chosen if c is not None and c.country)
        total = max(sum(share.values()), 1)
        points = [c for c in chosen if c is not None and c.feature not in ("PCLI", "CONT", "RGN")]
        admins = Counter(c.adm1 or (c.pid if c.feature == "ADM1" else None) for c in points)
        for gi, g in enumerate(self.groups):
            if len(g.cands) < 2:
                continue
            mine = chosen[gi]
            others = [c for c in points if c is not mine]
            own = mine.adm1 if mine is not None else None
            for ci, c in enumerate(g.cands):
                same = admins.get(c.adm1, 0) - (1 if c.adm1 == own else 0) if c.adm1 is not None else 0
                held = _held(c, g.cands, others) if c.feature == "ADM1" else 0
                scores[gi][ci] += (
                    self.w.country_share * share.get(c.country, 0) / total
                    + _nearness(c, others, self.w.near)
                    + (self.w.same_admin if same > 0 else 0.0)
                    + self.w.holds_places * min(held, 2)
                )
        picks = self._pick(scores)
        per_group = [_choice(g, s, i) for g, s, i in zip(self.groups, scores, picks, strict=False)]
        return [per_group[m] for m in self.member]


def _held(div: Candidate, rivals: Sequence[Candidate], others: Sequence[Candidate]) -> int:
    """How many other places of the article lie in the division ``div`` and are not near a town
    reading of the same name (Brooklyn says "New York" city, not the state)."""
    towns = [r for r in rivals if r.feature in LOCAL_FEATURES]
    return sum(
        1
        for o in others
        if (o.adm1 == div.pid or o.pid == div.pid) and not any(haversine(o.lat, o.lon, t.lat, t.lon) <= SAME_PLACE_KM for t in towns)
    )


def _cell(c: Candidate) -> tuple[int, int]:
    return int(math.floor(c.lat / CELL)), int(math.floor(c.lon / CELL))


def _clear(g: _Group, order: list[int], margin: float) -> bool:
    """Whether the best candidate's prior leads every candidate of another country by ``margin``."""
    top = g.cands[order[0]]
    rivals = [g.priors[i] for i in order[1:] if g.cands[i].country != top.country]
    return not rivals or g.priors[order[0]] - rivals[0] >= margin


def _nearness(c: Candidate, others: Sequence[Candidate], near: tuple[tuple[float, float], ...]) -> float:
    if not others:
        return 0.0
    d = min(haversine(c.lat, c.lon, o.lat, o.lon) for o in others)
    return next((bonus for km, bonus in near if d <= km), 0.0)


def _choice(g: _Group, scores: list[float], pick: int | None) -> Choice:
    if pick is None:
        return Choice(None, 0.0)
    top, best = scores[pick], g.cands[pick]
    weights = [math.exp(s - top) for s in scores]
    # Candidates within SAME_PLACE_KM of the choice (a town and its district) agree with it.
    agree = sum(w for c, w in zip(g.cands, weights, strict=True) if haversine(c.lat, c.lon, best.lat, best.lon) <= SAME_PLACE_KM)
    return Choice(best, round(min(0.99, max(0.05, agree / sum(weights))), 3))
