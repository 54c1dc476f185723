"""Name folding: the gazetteer's lookup key (lowercase, no diacritics, simple punctuation)."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_DROP = re.compile(r"[\u2019\u2018'`\u02bc.]")
_SPACE = re.compile(r"[^0-9a-z]+")
_SPECIAL = str.maketrans({"ı": "i", "ə": "e", "Ə": "e", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae", "œ": "oe"})
_LEADING_THE = re.compile(r"^the ")


def fold(name: str) -> str:
    """Lowercase ASCII key: ``"Xocalı"`` -> ``"xocali"``, ``"Nagorno-Karabakh"`` -> ``"nagorno karabakh"``."""
    if name.isascii():
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name.translate(_SPECIAL)).encode("ascii", "ignore").decode("ascii").lower()
    s = _DROP.sub("", s)
    s = _SPACE.sub(" ", s).strip()
    return _LEADING_THE.sub("", s)


def without_kind(key: str, kinds: frozenset[str]) -> str:
    """A folded name without a trailing kind word ("ponce city" -> "ponce"), if it has one."""
    head, _, last = key.rpartition(" ")
    return head if head and last in kinds else key


#: Key prefix of codes (IATA-like "PER", "EIN"), which match only a name written in capitals.
CODE_PREFIX = "@"


_CODE = re.compile(r"[A-Z][A-Z&]{1,3}")


def is_code(name: str) -> bool:
    """A code in capitals ("NYC", "UP", "J&K"): looked up among codes too."""
    return _CODE.fullmatch(name) is not None


def is_city_code(name: str) -> bool:
    """A three-letter code of a city ("EIN" of Eindhoven, "PER" of Perth): not to be read in
    "Ein" or "Per", so kept among codes only."""
    return len(name) == 3 and name.isascii() and name.isalpha() and name.isupper()


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (so that its folded key is meaningful)."""
    if name.isascii():
        return True
    if not all(_latin_letter(c) for c in name if c.isalpha()):
        return False
    # consonant-only transliterations in lower case ("ʼnzh" for Angers, "ʿdy") are no names to match
    return not any(0x2B0 <= ord(c) < 0x300 for c in name) or any(c.isupper() for c in name)


def _latin_letter(c: str) -> bool:
    """Basic Latin to Latin Extended-B, IPA letters (ə), spacing modifier letters (the ʻ of
    "Tāʻizz") and Latin Extended Additional (the ḩ, ḑ, ţ of "Laḩij", "Aḑ Ḑāli‘")."""
    o = ord(c)
    return o < 0x300 or 0x1E00 <= o <= 0x1EFF or unicodedata.combining(c) != 0


_ARTICLE = re.compile(r"^(?:al|el|ash|as|ad|ar|at|az|an|ed|es|ez|et|en|er|ul|adh|ath) ")
_PAIRS = (("kh", "h"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("zh", "z"), ("ch", "c"), ("ph", "f"),
          ("q", "k"), ("c", "k"), ("w", "v"), ("j", "i"), ("y", "i"), ("x", "ks"))
_VOWELS = re.compile(r"[aeiouh]")
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A folded name's consonant skeleton, for spellings that differ only in vowels, doubled
    letters, a leading Arabic article or common transliteration pairs: "ash shaddadah" and
    "shadadah" -> "sdd"... Empty when fewer than three letters would be left (too ambiguous)."""
    s = _ARTICLE.sub("", key).replace(" ", "").replace("-", "")
    if not s.isalpha():
        return ""
    for a, b in _PAIRS:
        s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s[0] + _VOWELS.sub("", s[1:]))
    return s if len(s) >= 3 else ""


def bare_key(name: str) -> str:
    """A name folded, less its leading Arabic article, spaces and hyphens ("An Nabaţīyah" ->
    "nabatiyah"): what ``resemblance`` compares."""
    return _ARTICLE.sub("", fold(name)).replace(" ", "").replace("-", "")


def resemblance(a: str, b: str) -> float:
    """How alike two names are spelled (0-1), leading Arabic article, spaces and hyphens aside:
    "Nabatiyeh" / "An Nabaţīyah" 0.89, "Ministry" / "Monastir" 0.62. Names of one skeleton
    that resemble each other this little are different words."""
    x, y = bare_key(a), bare_key(b)
    return SequenceMatcher(None, x, y).ratio() if x and y else 0.0


#: Least resemblance of a reading found by another spelling (consonant skeleton) to the name
#: written: "Nabatiyeh" / "An Nabaţīyah" 0.89 passes, "Ministry" / "Monastir" 0.62 does not.
ALIKE = 0.7


def looks_alike(x: str, y: str, least: float = ALIKE) -> bool:
    """Whether two bare keys resemble each other at least ``least``; the cheap upper bounds of
    the ratio are tried first, so most pairs cost no full comparison."""
    if not x or not y or 2 * min(len(x), len(y)) < least * (len(x) + len(y)):
        return False  # the lengths alone bound the ratio
    m = SequenceMatcher(None, x, y)
    return m.quick_ratio() >= least and m.ratio() >= least


#: Letters an Arabic article takes the sound of ("ar raqqah", "ash shaddadah", "ad dali").
_SUN = ("th", "sh", "dh", "t", "d", "r", "z", "s", "n")


def without_article(key: str) -> str:
    """A folded name less its leading Arabic article ("ar rutba" -> "rutba"); empty when it has
    none or fewer than four letters would be left."""
    m = _ARTICLE.match(key)
    return key[m.end():] if m and len(key) - m.end() >= 4 else ""


def with_article(key: str) -> tuple[str, ...]:
    """A folded name with the Arabic article it may have been written without: "qamishli" ->
    ("al qamishli", "el qamishli"), "raqqa" -> ("al raqqa", "el raqqa", "ar raqqa"). None for
    names shorter than four letters (too ambiguous) or that have one."""
    if _ARTICLE.match(key) or len(key) < 4 or not key[0].isalpha():
        return ()
    sun = next((f"a{p} {key}" for p in _SUN if key.startswith(p)), None)
    return ("al " + key, "el " + key, *((sun,) if sun else ()))
