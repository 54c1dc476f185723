"""Date, place and attribution from the times/places/quotes layers, with hand-built layers
on top of a real parse (those stages are built elsewhere)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.events.stage import EventStage
from tidings.model import Article, Mention, Place, Published, Quote, Time
from tidings.quantities.stage import QuantityStage

pytestmark = pytest.mark.model

TEXT = (
    "On 3 March 2019, rebels shelled the port of Velmora. "
    "They also shelled a bridge near Ostrava. "
    "Police arrested four men in Darnek today."
)


def time(a: Article, text: str, begin: str, anchor: str = "none") -> Time:
    s = a.text.index(text)
    return Time(a.span(s, s + len(text)), "DATE", begin, begin, begin, anchor)  # type: ignore[arg-type]


def place(a: Article, text: str, lat: float) -> Place:
    s = a.text.index(text)
    return Place(a.span(s, s + len(text)), name=text, lat=lat, lon=10.0, country="XX")


@pytest.fixture
def article(parse: Callable[[str], Article]) -> Article:
    a = parse(TEXT).with_(published=Published("2019-03-05", "input"))
    a = a.with_(
        times=(time(a, "3 March 2019", "2019-03-03"), time(a, "today", "2019-03-05", "published")),
        places=(place(a, "Velmora", 1.0), place(a, "Ostrava", 2.0), place(a, "Darnek", 3.0)),
    )
    return QuantityStage()(a)


def test_date_from_sentence_then_inherited(article: Article) -> None:
    evs = EventStage()(article).events
    assert evs[0].date.begin == "2019-03-03" and evs[0].date.origin == "text"
    assert evs[0].date.span is not None and evs[0].date.span.text == "3 March 2019"
    assert evs[1].date.begin == "2019-03-03"  # continues the narrative
    assert evs[2].date.origin == "published" and evs[2].date.begin == "2019-03-05"


def test_no_date_is_none_never_the_publication_day(parse: Callable[[str], Article]) -> None:
    a = QuantityStage()(parse("Rebels shelled the port.").with_(published=Published("2019-03-05", "input")))
    ev = EventStage()(a).events[0]
    assert ev.date.origin == "none" and ev.date.begin is None and ev.date.span is None


def test_place_is_the_one_tied_to_the_trigger(article: Article) -> None:
    evs = EventStage()(article).events
    assert [e.location.name if e.location else None for e in evs] == ["Velmora", "Ostrava", "Darnek"]


def test_event_inside_quote_is_reported_by_speaker(parse: Callable[[str], Article]) -> None:
    text = "The army shelled our homes, the mayor said."
    a = QuantityStage()(parse(text))
    speaker = Mention(a.span(text.index("the mayor"), text.index("the mayor") + 9), "mayor")
    a = a.with_(quotes=(Quote(a.span(0, text.index(",")), "indirect", speaker),))
    ev = EventStage()(a).events[0]
    assert ev.modality == "reported"
    assert ev.attributed_to == speaker


def test_since_dates_are_background(parse: Callable[[str], Article]) -> None:
    text = "Rebels shelled the port as part of a war waged since 2001."
    a = QuantityStage()(parse(text))
    a = a.with_(times=(time(a, "since 2001", "2001-01-01"),))
    ev = EventStage()(a).events[0]
    assert ev.date.origin == "none"
