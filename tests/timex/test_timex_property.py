"""Property test: any mix of time words resolves or warns, never crashes, and stays consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from timex_helpers import article

from tidings.timex.extract import find_times

_TEXT = (
    "on in since between from to and until the last next this early late mid- a an two 25 31 29 0 13 "
    "1992 2020 1990s '90s May March Feb. February 29th Friday Monday night morning week weeks year "
    "years-long quarter third-quarter half ago later earlier 9 a.m. p.m. noon every daily twice "
    "- \u2013 / 12/31/2019 2021-02-30 , . today yesterday tomorrow century decade nineteen ninety-four"
)
WORDS = tuple(_TEXT.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.sampled_from([None, "2021-02-26", "2020-02-29"]))
def test_any_mix_of_time_words_is_handled(words: list[str], published: str | None) -> None:
    text = " ".join(words)
    times, warnings = find_times(article(text, published))
    for t in times:
        assert text[t.span.start : t.span.end] == t.span.text
        if t.begin is not None and t.end_date is not None:
            assert t.begin <= t.end_date
        if t.end_date is None:  # only "since X" without a publication date is open-ended
            assert t.begin is None or (published is None and t.span.text.lower().startswith("since"))
        if published is None and t.anchor == "published":
            raise AssertionError(f"resolved against a missing publication date: {t}")
    for w in warnings:
        assert w.code in ("time-impossible", "time-unresolved")
