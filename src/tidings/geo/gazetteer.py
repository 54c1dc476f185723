"""The compiled gazetteer: where it lives, building it on first use, and key lookups."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import GazetteerError
from .build import BUILD_VERSION
from .fold import ALIKE, CODE_PREFIX, bare_key, fold, is_code, looks_alike, skeleton, with_article, without_article

FILENAME = f"gazetteer-v{BUILD_VERSION}.sqlite"
#: At most this many candidates per name, most populous first (keeps rare homonyms out).
MAX_CANDIDATES = 40
#: The places columns a Candidate is made of, in its field order.
_COLUMNS = "p.pid, p.gid, p.name, p.lat, p.lon, p.cc, p.adm1, p.adm2, p.feature, p.pop"
_BUILD_CHILD = "import sys; from pathlib import Path; from tidings.geo.build import build; build(Path(sys.argv[1]))"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    pid: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    adm1: int | None
    adm2: int | None
    feature: str
    population: int


def cache_dir() -> Path:
    """``$TIDINGS_CACHE_DIR``, else the platform's user cache directory for tidings."""
    env = os.environ.get("TIDINGS_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tidings"))


def default_path() -> Path:
    return cache_dir() / FILENAME


def ensure_built(path: Path | None = None) -> Path:
    """Build the gazetteer if it is missing (in a child process, so the caller stays small)."""
    path = path or default_path()
    if path.exists():
        return path
    cmd = [sys.executable, "-c", _BUILD_CHILD, str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not path.exists():
        raise GazetteerError(f"building the gazetteer at {path} failed: {done.stderr.strip()[-500:]}. "
                             "Run `tidings gazetteer build` to see the full error.")
    remove_stale(path)
    return path


def remove_stale(path: Path) -> list[Path]:
    """Delete the gazetteer files of other build versions beside ``path`` (tidings wrote them;
    they are never read again once a newer build exists). Returns what was deleted."""
    gone: list[Path] = []
    for old in path.parent.glob("gazetteer-v*.sqlite"):
        if old.name != path.name:
            try:
                old.unlink()
                gone.append(old)
            except OSError:
                continue  # another process may hold or have removed it; harmless
    return gone


def resembling(name: str, cands: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """The readings whose name looks like ``name`` (``fold.looks_alike``): what is left of a
    consonant-skeleton lookup once other words with the same consonants are dropped
    ("Nabatiyeh" keeps An Nabaţīyah; "Ministry" loses Monastir)."""
    key = bare_key(name)
    return tuple(c for c in cands if looks_alike(key, bare_key(c.name), ALIKE))


#: Linking particles inside Spanish and Portuguese names ("San Andres de Tuxtla").
_DE = re.compile(r" (?:de|del|de la|de las|de los|do|da|dos|das) (?=\S)")


class Gazetteer:
    """Read-only view of a compiled gazetteer file; ``lookup`` is a primary-key access."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer {path}: {exc}; delete it and run `tidings gazetteer build`") from exc
        try:
            version = self._con.execute("SELECT v FROM meta WHERE k='version'").fetchone()
        except sqlite3.Error as exc:
            self._con.close()
            raise GazetteerError(f"cannot open the gazetteer {path}: {exc}; delete it and run `tidings gazetteer build`") from exc
        if not version or version[0] != BUILD_VERSION:
            self._con.close()
            raise GazetteerError(f"gazetteer {path} is of another version; delete it and run `tidings gazetteer build`")
        self._names: dict[int, str] = {}

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every place whose name or alternate name folds to the same key as ``name`` (and, for
        a code in capitals such as "NYC", the places known by that code)."""
        key = fold(name)
        found = self.lookup_key(key)
        if not found and (bare := without_article(key)):
            # "Ar Rutba" for "Ar Ruţbah" (known as "Rutba"): the article written where the
            # gazetteer leaves it out; only places named with an article ("El Gazira" is not Gżira)
            found = tuple(c for c in self.lookup_key(bare) if without_article(fold(c.name)))
        if not found and (plain := _DE.sub(" ", key)) != key:
            # "San Andres de Tuxtla" for "San Andrés Tuxtla": a Spanish or Portuguese linking
            # particle written where the gazetteer has none
            found = self.lookup_key(plain)
        if is_code(name):
            seen = {c.pid for c in found}
            found = (*(c for c in self.lookup_key(CODE_PREFIX + key) if c.pid not in seen), *found)
        return found

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        return self._by_key("names", key)

    def _by_key(self, table: str, key: str) -> tuple[Candidate, ...]:
        """The places a key of ``table`` (names or skeletons) points to, most populous first."""
        if not key:
            return ()
        rows = self._con.execute(
            f"SELECT {_COLUMNS} FROM {table} n JOIN places p ON p.pid = n.pid "  # table: one of two literals
            "WHERE n.key = ? ORDER BY p.pop DESC LIMIT ?",
            (key, MAX_CANDIDATES),
        ).fetchall()
        return tuple(Candidate(*r) for r in rows)

    def country(self, code: str) -> tuple[Candidate, ...]:
        """The country with this ISO 3166-1 alpha-2 code (empty if unknown); a key access too."""
        return tuple(c for c in self.lookup_key(f"#{code.lower()}") if c.feature == "PCLI")

    def lookup_article(self, name: str) -> tuple[Candidate, ...]:
        """The places of a name written without its Arabic article ("Qamishli" for "Al
        Qāmishlī", "Shaddadah" for "Ash Shaddādah"): a fallback for names the context vouches
        for, not for every word ("Ittihad", "Baha'i")."""
        for other in with_article(fold(name)):
            if found := self.lookup_key(other):
                return found
        return ()

    def lookup_skeleton(self, name: str) -> tuple[Candidate, ...]:
        """Settlements and districts whose name has the same consonant skeleton as ``name``
        ("Shadadah" / "Ash Shaddadah"): a fallback for spellings the exact key misses."""
        return self._by_key("skeletons", skeleton(fold(name)))

    def seat(self, pid: int | None) -> Candidate | None:
        """The seat of a division (its namesake town, capital or largest town), if known."""
        if pid is None:
            return None
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM seats s JOIN places p ON p.pid = s.seat WHERE s.div = ?",
            (pid,),
        ).fetchone()
        return Candidate(*row) if row else None

    def name_of(self, pid: int | None) -> str | None:
        """The display name of a place id (used for admin1/admin2 of a resolved place)."""
        if pid is None:
            return None
        if pid not in self._names:
            row = self._con.execute("SELECT name FROM places WHERE pid = ?", (pid,)).fetchone()
            self._names[pid] = row[0] if row else ""
        return self._names[pid] or None

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def info(self) -> dict[str, str]:
        meta = dict(self._con.execute("SELECT k, v FROM meta").fetchall())
        meta["names"] = str(self._con.execute("SELECT count(*) FROM names").fetchone()[0])
        meta["path"] = str(self.path)
        meta["bytes"] = str(self.path.stat().st_size)
        return meta


@lru_cache(maxsize=4)
def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer of this process (built on first use), opened once."""
    return Gazetteer(ensure_built(path))
