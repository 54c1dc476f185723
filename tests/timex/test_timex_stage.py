from __future__ import annotations

from collections.abc import Callable

import pytest
from timex_helpers import article

from tidings.contract import to_record, validate
from tidings.model import Article
from tidings.pipeline import DEFAULT_STAGES, Registry
from tidings.timex import time_for_span
from tidings.timex.stage import TimeStage


def test_stage_declares_its_layers_and_is_registered_in_order() -> None:
    stage = Registry().create("times")
    assert isinstance(stage, TimeStage)
    assert stage.requires == frozenset({"tokens", "sentences"}) and stage.assigns == frozenset({"times"})
    assert DEFAULT_STAGES.index("nlp") < DEFAULT_STAGES.index("times")


def test_stage_output_is_a_valid_contract_record() -> None:
    text = "Troops left on 3 March 2019 after six weeks. A vote on 31 February 2019 was void."
    out = TimeStage().process([article(text)])[0]
    assert [t.span.text for t in out.times] == ["3 March 2019", "six weeks"]
    assert [w.code for w in out.warnings] == ["time-impossible"]
    validate(to_record(out))


def test_time_for_span_prefers_a_precise_date_near_the_trigger() -> None:
    text = "In 2019, on 3 March, rebels attacked the town; on 9 March they shelled it."
    art = TimeStage()(article(text, published="2019-06-01"))
    second = text.index("shelled")
    t = time_for_span(art, 0, len(text), trigger=second)
    assert t is not None and t.value == "2019-03-09"
    first = time_for_span(art, 0, len(text), trigger=text.index("attacked"))
    assert first is not None and first.value == "2019-03-03"


def test_time_for_span_never_falls_back_to_publication_date() -> None:
    text = "Rebels attacked the town. Talks lasted six weeks."
    art = TimeStage()(article(text))
    assert time_for_span(art, 0, len(text)) is None


@pytest.mark.model
def test_tense_from_the_parse_decides_weekdays(parse: Callable[[str, str | None], Article]) -> None:
    text = "The minister said on Friday that the talks failed. The envoys will meet on Monday."
    art = TimeStage()(parse(text, "2021-02-24"))  # a Wednesday
    assert [(t.span.text, t.value) for t in art.times] == [("Friday", "2021-02-19"), ("Monday", "2021-03-01")]


@pytest.mark.model
def test_year_less_date_and_narrative_anchor_with_the_parse(parse: Callable[[str, str | None], Article]) -> None:
    text = "Fighting broke out on 14 December. The next day, aid convoys were stopped."
    art = TimeStage()(parse(text, "2022-01-05"))
    assert [(t.value, t.anchor) for t in art.times] == [("2021-12-14", "published"), ("2021-12-15", "previous-time")]
