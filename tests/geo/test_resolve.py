from __future__ import annotations

from dataclasses import replace

from tidings.geo.gazetteer import Candidate
from tidings.geo.resolve import DEFAULT_WEIGHTS, Resolver, haversine


def cand(pid: int, lat: float, lon: float, cc: str, pop: int, feature: str = "PPL", name: str = "X") -> Candidate:
    return Candidate(pid, pid, name, lat, lon, cc, None, None, feature, pop)


# Two small towns 20 km apart, each with a bigger namesake far away.
ALPHA = (cand(1, 10.0, 10.0, "AA", 200_000, name="Alpha"), cand(2, 45.0, -90.0, "BB", 5_000, name="Alpha"))
BETA = (cand(3, -20.0, 60.0, "CC", 150_000, name="Beta"), cand(4, 45.1, -90.2, "BB", 4_000, name="Beta"))


def test_co_location_prefers_places_near_each_other() -> None:
    flat = replace(DEFAULT_WEIGHTS, cluster=0.0, near=())
    alone = Resolver(["alpha", "beta"], [ALPHA, BETA], [None, None], flat).resolve()
    assert [c.candidate.pid for c in alone if c.candidate] == [1, 3]
    together = Resolver(["alpha", "beta"], [ALPHA, BETA], [None, None], replace(flat, cluster=2.0)).resolve()
    assert [c.candidate.pid for c in together if c.candidate] == [2, 4]


def test_one_reading_per_name_and_confidence_in_range() -> None:
    out = Resolver(["alpha", "alpha"], [ALPHA, ALPHA], [None, None]).resolve()
    assert out[0] == out[1]
    assert out[0].candidate is not None and 0.0 < out[0].confidence <= 1.0


def test_no_candidates_is_unresolved() -> None:
    (out,) = Resolver(["nowhere"], [()], [None]).resolve()
    assert out.candidate is None and out.confidence == 0.0


def test_haversine() -> None:
    assert abs(haversine(0.0, 0.0, 0.0, 1.0) - 111.2) < 0.5
    assert haversine(45.0, -90.0, 45.0, -90.0) == 0.0


def test_confidence_counts_a_town_and_its_district_as_one_reading() -> None:
    town = cand(10, 40.0, 46.0, "AZ", 5_000, name="Gamma")
    district = cand(11, 40.05, 46.1, "AZ", 6_000, feature="ADM1", name="Gamma")
    far = cand(12, -30.0, -60.0, "AR", 5_000, name="Gamma")
    (both,) = Resolver(["gamma"], [(town, district)], [None]).resolve()
    (split,) = Resolver(["gamma"], [(town, far)], [None]).resolve()
    assert both.confidence > 0.9
    assert split.confidence < both.confidence


def test_a_capital_known_by_another_name_gets_half_the_capitals_bonus() -> None:
    import pytest

    from tidings.geo.gazetteer import Candidate
    from tidings.geo.resolve import DEFAULT_WEIGHTS as W
    from tidings.geo.resolve import prior

    capital = Candidate(1, 1, "Yerusha", 31.8, 35.2, "XA", None, None, "PPLC", 800_000)
    # "Salem" read as an old name of the capital: no exact-name bonus and half the capital's
    assert prior(capital, "yerusha") - prior(capital, "salem") == pytest.approx(W.exact + W.feature["PPLC"] / 2)
