"""The example article end to end (spaCy + places): every place resolves where a reader puts it."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "khojaly-2021-02-26.txt"

#: (surface, lat, lon, km, country) written for this test from an atlas, not from any eval data.
EXPECTED = [
    ("Khojaly", 39.91, 46.79, 25, "AZ"),
    ("Aghdam", 39.99, 46.93, 30, "AZ"),
    ("Kalbajar", 40.10, 46.04, 30, "AZ"),
    ("Lachin", 39.64, 46.55, 30, "AZ"),
    ("Nagorno-Karabakh", 39.8, 46.7, 100, None),
    ("Armenia", None, None, None, "AM"),
    ("Russia", None, None, None, "RU"),
]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


@pytest.mark.model
def test_every_place_of_the_example_resolves(stage: Any) -> None:
    from tidings.nlp.stage import NlpStage
    from tidings.readers import read_paths

    (article,) = list(read_paths([str(EXAMPLE)]))
    (done,) = stage.process(NlpStage().process([article]))
    for surface, lat, lon, km, country in EXPECTED:
        found = [p for p in done.places if p.span.text.startswith(surface)]
        assert found, f"{surface} not recognised"
        for p in found:
            assert country is None or p.country == country, (surface, p)
            if lat is not None:
                assert p.lat is not None and p.lon is not None
                assert _km(lat, lon, p.lat, p.lon) <= km, (surface, p)
