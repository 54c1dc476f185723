import re

import pytest
from timex_helpers import one, times


def spans(text: str) -> list[str]:
    return [t.span.text for t in times(text)]


def test_span_leaves_out_the_preposition_but_keeps_determiners() -> None:
    assert spans("Prices rose in 1998.") == ["1998"]
    assert spans("Sales fell over the last week.") == ["the last week"]
    assert spans("The plant opened early this year.") == ["early this year"]


def test_month_name_that_is_a_word_is_not_a_date() -> None:
    assert spans("Officials may resign if the talks fail.") == []
    assert spans("April Osei chairs the committee.") == []
    assert spans("The vote was postponed until May.") == ["May"]


def test_ages_and_fractions_are_not_durations() -> None:
    assert spans("A 12-year-old girl was hurt.") == []
    assert spans("Farmers lost three-quarters of their harvest.") == []


def test_counts_are_not_years() -> None:
    assert spans("The agency hired 1500 workers.") == []
    assert spans("A bridge was built in 1850.") == ["1850"]


def test_non_breaking_space_inside_a_date() -> None:
    t = one("Troops left on 3\u00a0March.")
    assert t.span.text == "3\u00a0March" and t.value == "2021-03-03"


def test_full_month_name_does_not_swallow_the_full_stop() -> None:
    assert spans("The summit is planned for September.") == ["September"]
    assert spans("It was signed on Sept. 4, 2019.") == ["Sept. 4, 2019"]


def test_offsets_index_the_text() -> None:
    text = "On 9 May 2020, farmers protested; two days later police came."
    for t in times(text):
        assert text[t.span.start : t.span.end] == t.span.text


def test_a_figure_over_a_table_heading_is_no_duration() -> None:
    assert spans("Avg shrs 2,653,646 vs 1,826,858\n    Year\n    Shr 1.45 dlrs") == []
    assert spans("The temple stood for 3,000 years.") == ["3,000 years"]


def test_month_and_decimal_figure_in_a_table_is_no_date() -> None:
    assert spans("Linseed prev 34.8, Feb 32.9, Mar 6.8, Apr 6.3, total 80.8") == []
    assert spans("It ran on March 6, 2020.") == ["March 6, 2020"]


def test_capitalised_set_word_before_a_name_is_part_of_the_name() -> None:
    assert spans("Britain's Daily Mirror newspaper said so.") == []
    assert spans("The group publishes a daily newspaper.") == ["daily"]


def test_year_number_before_singular_year_is_the_year() -> None:
    assert spans("It includes an adjustment for 1986 year and both 1985 periods.") == ["1986", "1985"]
    assert spans("The oak stood for 1900 years.") == ["1900 years"]


def test_a_pattern_needs_the_strings_every_match_holds() -> None:
    from tidings.timex.recognise import needs

    assert needs(re.compile(r"\bthe\s+(?:first|second)\s+quarter\b", re.IGNORECASE)) == ("quarter",)
    assert needs(re.compile(r"(?:Monday|Tuesday)(?:\s+night)?", re.IGNORECASE)) == ("monday", "tuesday")
    assert needs(re.compile(r"(?:last\s+)?\d+")) is None  # an optional word is not needed
    assert needs(re.compile(r"(?:Monday|\d+)")) is None  # nor one way of two
    assert needs(re.compile(r"(?:ago)+\s+(?=day)")) == ("ago",)  # a lookahead consumes nothing


def test_skipping_patterns_whose_strings_are_absent_finds_the_same_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from tidings.timex import recognise

    text = ("On Friday, 26 February 2021, the president said the ceasefire of November 10 held. Since 1988 "
            "the region has seen six weeks of talks a year; in the third quarter of 2019 and the 1990s, "
            "at 10:30 a.m. GMT, three days later, every Monday, the day after Christmas and overnight.")  # fmt: skip
    gated = recognise.candidates(text)
    assert any(p.needs for p in recognise.patterns())
    plain = tuple(replace(p, needs=None) for p in recognise.patterns())
    monkeypatch.setattr(recognise, "patterns", lambda: plain)
    assert recognise.candidates(text) == gated and len(gated) > 10


def test_a_month_ending_a_headline_is_no_name_of_the_next_line() -> None:
    found = times("Consumer prices rise sharply in October\n\nThe department said prices rose.", "2008-11-18")
    assert [(t.span.text, t.value) for t in found] == [("October", "2008-10")]
    assert times("She met April Smith.") == []
