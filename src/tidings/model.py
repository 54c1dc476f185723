"""The data model: plain frozen dataclasses, no I/O, no spaCy.

Every extracted item points at its evidence with ``start``/``end`` offsets (Python ``str``
indices, end exclusive) into :attr:`Article.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = Literal["published", "previous-time", "none"]
PublishedOrigin = Literal["input", "html-meta", "dateline", "url", "none"]
Modality = Literal["asserted", "reported", "planned", "hypothetical", "negated"]
DateOrigin = Literal["text", "published", "none"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parse, as downstream stages need it (converted from spaCy once)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str = ""
    is_space: bool = False
    like_num: bool = False
    morph: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: character span plus the index range of its tokens (``tok_end`` exclusive)."""

    start: int
    end: int
    tok_start: int
    tok_end: int


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    span: Span
    label: str
    canonical: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A local mention (name, title, pronoun) with the in-document canonical name."""

    span: Span
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class TimeRange:
    """The whole of a range written with two times ("from Sept. 14 to Thursday", "between 1990
    and 1995"): its text and calendar interval, first day of the start to last day of the end."""

    span: Span
    begin: str
    end_date: str


@dataclass(frozen=True, slots=True)
class Time:
    span: Span
    type: TimeType
    value: str
    begin: str | None = None
    end_date: str | None = None
    anchor: Anchor = "none"
    #: The range this time opens or closes, if any: each end is a time of its own (TIMEX3).
    range: TimeRange | None = None


@dataclass(frozen=True, slots=True)
class Place:
    span: Span
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class QuantityPart:
    value: float | int
    unit: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    span: Span
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    approximate: bool = False
    parts: tuple[QuantityPart, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span
    kind: QuoteKind
    speaker: Mention | None = None
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    span: Span | None
    begin: str | None
    end_date: str | None
    origin: DateOrigin


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    sub_type: str
    trigger: Span
    sentence: tuple[int, int]
    date: EventDate
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc_actors: tuple[Mention, ...] = ()
    location: Place | None = None
    fatalities: Quantity | None = None
    modality: Modality = "asserted"
    attributed_to: Mention | None = None  # None means the article itself
    confidence: float = 0.0
    plover: str | None = None


@dataclass(frozen=True, slots=True)
class Warning:
    """What a stage guessed, skipped or could not resolve, with a reason code."""

    code: str
    message: str
    span: Span | None = None

    def render(self) -> str:
        where = f" at {self.span.start}-{self.span.end}" if self.span else ""
        return f"{self.code}: {self.message}{where}"


@dataclass(frozen=True, slots=True)
class Published:
    value: str | None = None
    origin: PublishedOrigin = "none"


@dataclass(frozen=True, slots=True)
class Article:
    """One document and every layer extracted from it so far."""

    id: str
    source: str
    text: str
    title: str | None = None
    published: Published = field(default_factory=Published)
    language: str = "en"
    url: str | None = None
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[Warning, ...] = ()
    meta: tuple[tuple[str, Any], ...] = ()

    def with_(self, **changes: Any) -> Article:
        """A copy with some layers replaced (the article itself never changes)."""
        return replace(self, **changes)

    def warn(self, *warnings: Warning) -> Article:
        return replace(self, warnings=self.warnings + tuple(warnings))

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.tok_start : sentence.tok_end]
