"""Resolution rules that pick a division's reading over a city's of the same name."""

from __future__ import annotations

from typing import Any


def resolve(stage: Any, article: Any) -> dict[str, tuple[str | None, str | None]]:
    (out,) = stage.process([article])
    return {p.span.text: (p.feature, p.admin1) for p in out.places}


def test_container_of_a_town_is_read_as_the_division_holding_it(stage: Any, article_of: Any) -> None:
    text = "A baker from Tacoma, Washington shared her recipes."
    got = resolve(stage, article_of(text, ("Tacoma", "GPE"), ("Washington", "GPE")))
    assert got["Washington"] == ("ADM1", "Washington")


def test_division_holding_other_places_of_the_article_wins_over_the_capital(stage: Any, article_of: Any) -> None:
    text = "Crews from Seattle and Spokane fought fires across Washington this week."
    got = resolve(stage, article_of(text, ("Seattle", "GPE"), ("Spokane", "GPE"), ("Washington", "GPE")))
    assert got["Washington"] == ("ADM1", "Washington")


def test_places_near_a_town_of_the_same_name_do_not_count_for_the_division() -> None:
    from tidings.geo.gazetteer import Candidate
    from tidings.geo.resolve import _held

    state = Candidate(1, None, "Gotham", 42.0, -75.0, "US", None, None, "ADM1", 1_000_000)
    city = Candidate(2, None, "Gotham", 40.70, -74.00, "US", 1, None, "PPL", 800_000)
    suburb = Candidate(3, None, "Suburbia", 40.75, -73.95, "US", 1, None, "PPL", 50_000)
    upstate = Candidate(4, None, "Farland", 43.0, -76.0, "US", 1, None, "PPL", 50_000)
    elsewhere = Candidate(5, None, "Outer", 30.0, -90.0, "US", 9, None, "PPL", 50_000)
    assert _held(state, (state, city), (suburb, upstate, elsewhere)) == 1


def test_without_such_places_washington_is_the_capital(stage: Any, article_of: Any) -> None:
    text = "Lawmakers in Washington debated the budget."
    got = resolve(stage, article_of(text, ("Washington", "GPE")))
    assert got["Washington"][0] == "PPLC"


def test_direction_word_after_the_comma_keeps_the_containment() -> None:
    from tidings.geo.recognize import Toponym
    from tidings.geo.stage import _container

    text = "a hospital in Richmond, northern England, and Leeds"
    tops = [Toponym(14, 22, "Richmond", "entity"), Toponym(33, 40, "England", "entity"), Toponym(46, 51, "Leeds", "entity")]
    assert [_container(text, tops, i) for i in range(3)] == [1, None, None]


def test_name_and_container_known_as_one_name_read_as_that_place(stage: Any, article_of: Any) -> None:
    text = "Crews from Seattle and Spokane work across Washington; the team also flew to Washington, D.C., last year."
    ents = [("Seattle", "GPE"), ("Spokane", "GPE"), ("Washington", "GPE"), ("Washington", "GPE"), ("D.C.", "GPE")]
    (out,) = stage.process([article_of(text, *ents)])
    readings = [(p.span.text, p.admin1) for p in out.places if p.span.text == "Washington"]
    assert readings == [("Washington", "Washington"), ("Washington", "District of Columbia")]
