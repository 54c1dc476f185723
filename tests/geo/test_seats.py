"""Division seats: where an event known only to its division is placed (ACLED codes such
events at the division's capital). Rules checked on a builder filled with made-up places."""

from __future__ import annotations

from tidings.geo.build import Builder, Row


def _builder(*rows: Row) -> Builder:
    b = Builder()
    for r in rows:
        b.add(r, [r.name])
    return b


def test_the_namesake_town_is_the_seat_even_when_smaller() -> None:
    b = _builder(
        Row(1, None, "Kestska Oblast", None, None, "XA", None, None, "ADM1", 0),
        Row(2, 2, "Kesta", 50.0, 30.0, "XA", 1, None, "PPL", 200_000),
        Row(3, 3, "Lomar", 51.0, 31.0, "XA", 1, None, "PPL", 900_000),
    )
    b.assign_seats()
    assert b.seats[1] == 2


def test_without_a_namesake_the_capital_then_the_largest_town_is_the_seat() -> None:
    b = _builder(
        Row(1, None, "Northern Province", None, None, "XA", None, None, "ADM1", 0),
        Row(2, 2, "Varo", 50.0, 30.0, "XA", 1, None, "PPL", 200_000),
        Row(3, 3, "Lomar", 51.0, 31.0, "XA", 1, None, "PPL", 900_000),
        Row(4, None, "Eastern Province", None, None, "XA", None, None, "ADM1", 0),
        Row(5, 5, "Zorvik", 50.0, 30.0, "XA", 4, None, "PPLC", 100_000),
        Row(6, 6, "Brask", 51.0, 31.0, "XA", 4, None, "PPL", 900_000),
    )
    b.assign_seats()
    assert b.seats[1] == 3 and b.seats[4] == 5


def test_a_short_name_is_not_a_namesake_of_a_longer_division() -> None:
    b = _builder(
        Row(1, None, "Kestavaria", None, None, "XA", None, None, "ADM1", 0),
        Row(2, 2, "Kest", 50.0, 30.0, "XA", 1, None, "PPL", 2_000),
        Row(3, 3, "Lomar", 51.0, 31.0, "XA", 1, None, "PPL", 9_000),
    )
    b.assign_seats()
    assert b.seats[1] == 3
