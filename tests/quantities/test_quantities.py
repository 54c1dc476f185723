from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.model import Article, Quantity
from tidings.quantities.parse import run_value
from tidings.quantities.stage import QuantityStage
from tidings.quantities.tables import Vague, tables

pytestmark = pytest.mark.model


def quantities(parse: Callable[[str], Article], text: str) -> list[Quantity]:
    return list(QuantityStage()(parse(text)).quantities)


@pytest.mark.parametrize(
    ("words", "value"),
    [(["1,960"], 1960), (["two", "dozen"], 24), (["a", "dozen"], 12), (["1.5", "million"], 1500000), (["twenty-five"], 25)],
)
def test_number_words(words: list[str], value: int) -> None:
    assert run_value(words, tables()) == value


def test_vague_words_follow_documented_conventions() -> None:
    assert run_value(["several"], tables()) == Vague(3, 3, 9)
    assert run_value(["dozens"], tables()) == Vague(12, 12, 99)
    assert run_value(["several", "hundred"], tables()) == Vague(300, 300, 900)


def test_breakdown_becomes_parts(parse: Callable[[str], Article]) -> None:
    qs = quantities(parse, "The shelling killed 41 villagers, including 9 nurses, 12 pupils and 5 elderly, on Monday.")
    top = [q for q in qs if q.value == 41]
    assert len(top) == 1
    assert top[0].unit == "villagers"
    assert {(p.unit, p.value) for p in top[0].parts} == {("nurses", 9), ("pupils", 12), ("elderly", 5)}
    assert all(q.value != 9 for q in qs)  # parts are not listed again on their own


def test_approximate_and_bounds(parse: Callable[[str], Article]) -> None:
    qs = quantities(parse, "Approximately 4,500 refugees fled and at least 17 guards were hurt, more than 200 in all.")
    by_value = {q.value: q for q in qs}
    assert by_value[4500].approximate and by_value[4500].unit == "refugees"
    assert by_value[17].low == 17 and by_value[17].high is None
    assert by_value[200].low == 200


def test_dates_money_and_percentages_are_not_counts(parse: Callable[[str], Article]) -> None:
    qs = quantities(parse, "In 2019 prices rose 30 percent and the town paid $5 million on 3 March.")
    assert qs == []


def test_counted_adjective(parse: Callable[[str], Article]) -> None:
    qs = quantities(parse, "Rescuers found 8 wounded and 70 elderly in the ruins.")
    assert {q.unit for q in qs} >= {"elderly"}


def test_ranges_keep_the_lower_figure(parse: Callable[[str], Article]) -> None:
    qs = quantities(parse, "Between 3 and 6 guards fled; 10-15 sailors drowned and 4 to 7 were rescued.")
    got = {(q.value, q.low, q.high) for q in qs}
    assert {(3, 3, 6), (10, 10, 15), (4, 4, 7)} <= got
    assert all(q.approximate for q in qs)


def test_numbers_beside_month_or_measure_are_not_counts(parse: Callable[[str], Article]) -> None:
    qs = quantities(parse, "Around 8 June the convoy drove 40 km with 12 trucks.")
    assert [(q.value, q.unit) for q in qs] == [(12, "trucks")]
