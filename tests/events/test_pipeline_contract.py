from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.contract import to_record, validate
from tidings.events.stage import EventStage
from tidings.model import Article
from tidings.pipeline import DEFAULT_STAGES, Pipeline
from tidings.quantities.stage import QuantityStage


def test_default_stages_keep_the_documented_order() -> None:
    order = ("nlp", "times", "quantities", "places", "quotes", "events")
    present = [s for s in order if s in DEFAULT_STAGES]
    assert list(DEFAULT_STAGES) == present
    assert "quantities" in DEFAULT_STAGES and "events" in DEFAULT_STAGES
    Pipeline.from_names(DEFAULT_STAGES)  # the order check passes


@pytest.mark.model
def test_records_with_events_follow_the_contract(parse: Callable[[str], Article]) -> None:
    a = parse("Police arrested 12 protesters, including 3 students, after clashes in which 2 people died.")
    rec = to_record(EventStage()(QuantityStage()(a)))
    validate(rec)
    assert rec["events"] and rec["quantities"]
    assert rec["events"][0]["type"] in ("Riots", "Protests", "Strategic developments", "Battles")
