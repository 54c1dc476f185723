from dataclasses import replace
from datetime import date

import pytest
from timex_helpers import article, one, parsed, times

from tidings.timex import calendar as cal
from tidings.timex import time_for_span
from tidings.timex.extract import find_times


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It happened on 9 May 2020.", "2020-05-09"),
        ("It happened on May 9, 2020.", "2020-05-09"),
        ("It happened in March 2019.", "2019-03"),
        ("It happened in 1992.", "1992"),
        ("It happened on 2020-05-09.", "2020-05-09"),
        ("It happened in the 1990s.", "199"),
        ("It happened in the 19th century.", "18"),
        ("It happened in nineteen seventy-nine.", "1979"),
    ],
)
def test_absolute_dates(text: str, value: str) -> None:
    t = one(text)
    assert t.value == value and t.anchor == "none"


def test_decade_words_resolve_in_the_century_before_publication() -> None:
    t = one("Prices soared in the nineties.")
    assert (t.value, t.anchor) == ("199", "published")
    assert one("Prices soared in the twenties.", published="2021-02-26").value == "202"


def test_year_less_date_in_a_february_article_is_last_year() -> None:
    t = one("The accord signed on November 10 ended the war.")
    assert (t.value, t.anchor) == ("2020-11-10", "published")


def test_year_less_date_in_a_future_clause_looks_forward() -> None:
    a = parsed([("Talks", "NNS", "NOUN", "nsubj", 2), ("will", "MD", "AUX", "aux", 2), ("resume", "VB", "VERB", "ROOT", 2),
                ("on", "IN", "ADP", "prep", 2), ("November", "NNP", "PROPN", "pobj", 3), ("10", "CD", "NUM", "nummod", 4)])  # fmt: skip
    assert find_times(a)[0][0].value == "2021-11-10"


def _weekday_sentence(aux: str | None, verb: str, tag: str) -> list[tuple[str, str, str, str, int]]:
    words = [("She", "PRP", "PRON", "nsubj", 2 if aux else 1)]
    if aux:
        words.append((aux, "MD", "AUX", "aux", 2))
    v = len(words)
    words += [(verb, tag, "VERB", "ROOT", v), ("Monday", "NNP", "PROPN", "npadvmod", v)]
    return words


def test_weekday_after_past_verb_is_on_or_before_publication() -> None:
    a = parsed(_weekday_sentence(None, "spoke", "VBD"))  # published Friday 2021-02-26
    assert find_times(a)[0][0].value == "2021-02-22"


def test_weekday_after_will_is_after_publication() -> None:
    a = parsed(_weekday_sentence("will", "speak", "VB"))
    assert find_times(a)[0][0].value == "2021-03-01"


def test_same_weekday_as_publication_in_past_tense_is_that_day() -> None:
    a = parsed([("He", "PRP", "PRON", "nsubj", 1), ("said", "VBD", "VERB", "ROOT", 1), ("Friday", "NNP", "PROPN", "npadvmod", 1)])
    assert find_times(a)[0][0].value == "2021-02-26"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Markets fell yesterday.", "2021-02-25"),
        ("Prices rose last week.", "2021-W07"),
        ("Prices rose last month.", "2021-01"),
        ("Prices rose last year.", "2020"),
        ("Output grows next year.", "2022"),
        ("It closed two years ago.", "2019"),
        ("Profit rose in the first quarter.", "2021-Q1"),
        ("Profit rose in the third quarter of 2019.", "2019-Q3"),
        ("Profit rose in the third quarter.", "2020-Q3"),
        ("Profit rose in the first half.", "2021-H1"),
        ("Prices are high now.", "PRESENT_REF"),
        ("Prices rose recently.", "PAST_REF"),
    ],
)
def test_relative_to_publication(text: str, value: str) -> None:
    assert one(text).value == value


def test_seasons_relative_to_publication() -> None:
    assert one("It snowed last winter.", published="2021-07-01").value == "2020-WI"
    assert one("It will be built this summer.", published="2021-02-01").value == "2021-SU"
    assert one("The floods of spring 2019 were worse.").value == "2019-SP"


def test_fourth_quarter_reported_early_in_the_year_is_last_year() -> None:
    t = one("The firm reported a fourth-quarter loss.", published="2021-01-20")
    assert t.value == "2020-Q4"


def test_compact_day_range() -> None:
    t = one("Fighting raged on 25-26 February 1992.")
    assert (t.span.text, t.begin, t.end_date) == ("25-26 February 1992", "1992-02-25", "1992-02-26")


def ends(text: str, published: str | None = "2021-02-26") -> tuple[list[tuple[str, str]], tuple[str, str, str]]:
    """A range's two times (text, value) and the range they share (text, begin, end_date)."""
    found = times(text, published)
    assert len(found) == 2, found
    whole = found[0].range
    assert whole is not None and found[1].range == whole
    return [(t.span.text, t.value) for t in found], (whole.span.text, whole.begin, whole.end_date)


def test_between_years_range() -> None:
    # TIMEX3 marks each end on its own; the range's calendar interval rides on both
    assert ends("Output doubled between 1990 and 1995.") == (
        [("1990", "1990"), ("1995", "1995")], ("1990 and 1995", "1990-01-01", "1995-12-31"),
    )  # fmt: skip


def test_from_month_to_month_range() -> None:
    # the year written once at the end is the start's year too
    assert ends("The strike lasted from March to May 2019.") == (
        [("March", "2019-03"), ("May 2019", "2019-05")], ("March to May 2019", "2019-03-01", "2019-05-31"),
    )  # fmt: skip
    assert times("The strike lasted from March to May 2019.")[0].anchor == "none"


def test_an_end_of_a_range_stands_for_the_range_as_an_event_date() -> None:
    a = article("The strike lasted from March to May 2019.", "2021-02-26")
    a = replace(a, times=tuple(find_times(a)[0]))
    t = time_for_span(a, 0, len(a.text))
    assert t is not None and (t.span.text, t.begin, t.end_date) == ("March to May 2019", "2019-03-01", "2019-05-31")


def test_since_keeps_the_word_and_runs_to_publication() -> None:
    t = one("The region has been disputed since 1988.")
    assert (t.span.text, t.begin, t.end_date) == ("since 1988", "1988-01-01", "2021-02-26")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fighting lasted six weeks.", "P6W"),
        ("They signed a five-year deal.", "P5Y"),
        ("After a 16-hour flight she slept.", "PT16H"),
        ("The talks took half an hour.", "PT30M"),
        ("The siege lasted several years.", "PXY"),
        ("The war lasted two decades.", "P20Y"),
    ],
)
def test_durations(text: str, value: str) -> None:
    t = one(text)
    assert (t.type, t.value, t.begin) == ("DURATION", value, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Inspectors visit every week.", "P1W"),
        ("The paper appears daily.", "P1D"),
        ("Markets close every Monday.", "XXXX-WXX-1"),
        ("The board meets twice a month.", "P1M"),
    ],
)
def test_sets(text: str, value: str) -> None:
    t = one(text)
    assert (t.type, t.value) == ("SET", value)


def test_impossible_date_is_a_warning_not_a_crash() -> None:
    found, warnings = find_times(article("The vote was held on 31 February 2021."))
    assert found == []
    assert [w.code for w in warnings] == ["time-impossible"]
    assert warnings[0].span is not None and warnings[0].span.text == "31 February 2021"


def test_year_less_impossible_date_warns() -> None:
    _, warnings = find_times(article("The vote was held on February 30."))
    assert [w.code for w in warnings] == ["time-impossible"]


def test_without_publication_date_relative_times_stay_unresolved() -> None:
    found, warnings = find_times(article("He arrived Friday and left on November 10.", published=None))
    assert [t.value for t in found] == ["XXXX-WXX-5", "XXXX-11-10"]
    assert all(t.begin is None and t.anchor == "none" for t in found)
    assert [w.code for w in warnings] == ["time-unresolved", "time-unresolved"]


def test_absolute_dates_resolve_without_publication_date() -> None:
    assert [t.value for t in times("It began on 9 May 2020.", published=None)] == ["2020-05-09"]


def test_the_next_day_follows_the_last_resolved_date() -> None:
    found = times("Rebels attacked on 3 March 2019. The next day, troops arrived.")
    assert [(t.value, t.anchor) for t in found] == [("2019-03-03", "none"), ("2019-03-04", "previous-time")]


def test_clock_time_with_weekday() -> None:
    t = one("The deadline passed at 9 a.m. EST Tuesday.", published="2021-02-24")
    assert (t.type, t.value, t.begin) == ("TIME", "2021-02-23T09:00", "2021-02-23")


def test_day_ranges_with_words() -> None:
    # each end a time of its own (TIMEX3 marks "1" and "3 May 2020"), the range riding on both
    assert ends("Clashes continued between 1 and 3 May 2020 in the north.") == (
        [("1", "2020-05-01"), ("3 May 2020", "2020-05-03")], ("1 and 3 May 2020", "2020-05-01", "2020-05-03"),
    )  # fmt: skip
    assert ends("The talks ran from March 4 to 6, 2019.") == (
        [("March 4", "2019-03-04"), ("6, 2019", "2019-03-06")], ("March 4 to 6, 2019", "2019-03-04", "2019-03-06"),
    )  # fmt: skip
    t = one("The battle of 25-26 February 1992 was recalled.")  # a hyphen keeps the range one time
    assert (t.span.text, t.begin, t.end_date) == ("25-26 February 1992", "1992-02-25", "1992-02-26")
    assert ends("Clashes continued from 30 April to 2 May 2020.") == (
        [("30 April", "2020-04-30"), ("2 May 2020", "2020-05-02")], ("30 April to 2 May 2020", "2020-04-30", "2020-05-02"),
    )  # fmt: skip


def test_acled_style_lead_date() -> None:
    t = times("On 9 May 2020, medical interns protested in the square.", published="2020-05-10")[0]
    assert (t.span.start, t.span.text, t.begin, t.anchor) == (3, "9 May 2020", "2020-05-09", "none")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They lived in camps for 2 1/2 years.", "P2Y6M"),
        ("The flight took 5 1/2 hours.", "PT5H30M"),
        ("The talks took an hour and a half.", "PT1H30M"),
        ("The strike lasted a day and a half.", "P1DT12H"),
        ("Wait half a day.", "PT12H"),
        ("It grew for half a year.", "P6M"),
    ],
)
def test_fractional_durations(text: str, value: str) -> None:
    assert one(text).value == value


def test_numeric_dates_month_first_or_day_first_when_unambiguous() -> None:
    assert one("It was filed on 09/13/2018.").value == "2018-09-13"
    assert one("It was filed on 13/09/2018.").value == "2018-09-13"


def test_offsets_in_decades_and_centuries() -> None:
    assert one("The fort fell a century ago.", published="2021-02-26").value == "19"
    assert one("The plant opened two decades ago.", published="2021-02-26").value == "200"


def test_measurements_are_not_clock_times() -> None:
    assert times("The river rose to 27.58 feet.") == []


def test_year_first_numeric_dates_with_any_separator() -> None:
    assert [t.value for t in times("Filed 2020/05/09 and 2020.05.10 and 2020-05-11.")] == [
        "2020-05-09", "2020-05-10", "2020-05-11",
    ]  # fmt: skip


def test_holidays_resolve_by_rule_and_tense() -> None:
    assert one("The boy was found on Thanksgiving Day.", published="2000-01-06").value == "1999-11-25"
    assert one("Shops were shut on Christmas Eve.", published="2021-01-04").value == "2020-12-24"
    assert one("They wed on Christmas Day 1990.").value == "1990-12-25"


def test_rate_after_an_amount_is_a_set() -> None:
    t = one("The plant will save $2 million a year.")
    assert (t.span.text, t.type, t.value) == ("a year", "SET", "P1Y")
    assert one("The talks lasted a year.").type == "DURATION"


def test_year_end_as_a_noun_is_the_year_and_the_compound_is_its_last_day() -> None:
    # TIMEX3 writes "the end of the year" as the year (mod END); "year-end" is the closing day
    assert one("The merger should be done by year end.", published="2023-10-30").value == "2023"
    assert one("The bank hopes to hire 40 staff by the year's end.", published="2023-10-30").value == "2023"
    assert one("The sale should close by year-end.", published="2023-10-30").value == "2023-12-31"


def test_an_unstated_stretch_after_over_or_in_is_a_vague_duration() -> None:
    t = one("Rents have crept up over the years.")
    assert (t.span.text, t.type, t.value) == ("the years", "DURATION", "PXY")
    assert one("Dozens surrendered in the first hours of the offensive.").value == "PTXH"
    assert one("In the years that followed, the town shrank.").value == "PXY"


def test_a_stretch_anchored_to_an_event_or_a_day_is_left_alone() -> None:
    assert times("Posters appeared in the days before the vote.") == []
    assert [t.span.text for t in times("He was arrested in the early hours of Monday.")] == ["Monday"]


def test_a_bare_participle_takes_the_future_of_the_clause_it_hangs_on() -> None:
    # "Flights will leave daily, with the third departing on November 10" (published in February)
    words = [("Flights", "NNS", "NOUN", "nsubj", 2), ("will", "MD", "AUX", "aux", 2), ("leave", "VB", "VERB", "ROOT", 2),
             ("daily", "RB", "ADV", "advmod", 2), (",", ",", "PUNCT", "punct", 2), ("with", "IN", "ADP", "prep", 2),
             ("the", "DT", "DET", "det", 7), ("third", "JJ", "ADJ", "nsubj", 8), ("departing", "VBG", "VERB", "pcomp", 5),
             ("on", "IN", "ADP", "prep", 8), ("November", "NNP", "PROPN", "pobj", 9), ("10", "CD", "NUM", "nummod", 10)]  # fmt: skip
    assert find_times(parsed(words))[0][-1].value == "2021-11-10"
    # the same participle under a past clause keeps the past reading
    past = [("Flights", "NNS", "NOUN", "nsubj", 1), ("left", "VBD", "VERB", "ROOT", 1), *words[3:]]
    past = [(w, t, p, d, h - 1 if i >= 2 else h) for i, (w, t, p, d, h) in enumerate(past)]
    assert find_times(parsed(past))[0][-1].value == "2020-11-10"


def test_moveable_holidays_follow_their_rules() -> None:
    assert one("Pilgrims prayed on Easter Sunday.", published="2024-04-02").value == "2024-03-31"
    assert one("Shops shut on Good Friday.", published="2025-04-22").value == "2025-04-18"
    assert one("Churches filled for Orthodox Easter.", published="2021-05-04").value == "2021-05-02"
    assert one("Veterans paraded on Memorial Day.", published="2024-06-01").value == "2024-05-27"
    assert one("Voters queued on Election Day.", published="2020-11-05").value == "2020-11-03"
    assert one("Unions marched on May Day.", published="2023-05-03").value == "2023-05-01"
    # "Easter week", "Holy Week": the week ending on Easter Sunday (2024: 25-31 March)
    t = one("Pilgrims crowded the city during Holy Week.", published="2024-04-02")
    assert (t.value, t.begin, t.end_date) == ("2024-W13", "2024-03-25", "2024-03-31")
    assert one("The rising began in Easter week 1916.").value == "1916-W16"


def test_easter_computus_against_known_years() -> None:
    assert [cal.easter(y) for y in (2008, 2011, 2038)] == [date(2008, 3, 23), date(2011, 4, 24), date(2038, 4, 25)]
    assert [cal.orthodox_easter(y) for y in (2019, 2024)] == [date(2019, 4, 28), date(2024, 5, 5)]


def test_more_holidays_and_a_holiday_kept_on_different_days() -> None:
    assert one("Shoppers crowded stores on Black Friday.", published="2016-12-01").value == "2016-11-25"
    assert one("The parade on the Fourth of July drew crowds.", published="2016-08-01").value == "2016-07-04"
    assert one("Wreaths were laid on Veterans Day.", published="2019-11-12").value == "2019-11-11"
    # Labor Day: 1 May in most countries, the first Monday of September in the US; the nearest wins
    assert one("Unions marched to mark Labor Day.", published="2020-05-02").value == "2020-05-01"
    assert one("Campaigns pick up after Labor Day.", published="2016-09-07").value == "2016-09-05"
    assert one("Labor Day rallies drew thousands.").type == "DATE"


def test_names_made_of_calendar_words_are_no_times() -> None:
    for text in ("She read it in the Sunday Times.", "He won gold at the Winter Olympics.", "The Good Friday Agreement held.",
                 "He hosted Saturday Night Live.", "They remembered Bloody Sunday.", "The Mail on Sunday said so.",
                 "She spoke at the March on Washington."):  # fmt: skip
        assert times(text) == [], text
    assert one("The Times reported on Sunday.").value == "2021-02-21"
    assert one("He went there in the winter.").type == "DATE"


def test_a_daily_that_is_a_newspaper_is_no_frequency() -> None:
    for text in ("The Communist Party daily Granma praised the boy.", "The Tehran daily said talks had failed.",
                 "He told the French daily Le Monde.", "The party daily Granma praised him.",
                 "The state-run daily Al-Ahram said so."):  # fmt: skip
        assert times(text) == [], text
    assert one("The Israeli daily Maariv said so on Sunday.").value == "2021-02-21"
    assert one("Flights to the capital run daily.").type == "SET"
    assert one("The daily tally was not published.").type == "SET"


def test_a_lower_case_election_day_is_no_us_holiday() -> None:
    assert times("Kenyans voted on election day amid tight security.", published="2016-04-14") == []
    assert one("Voters queued on Election Day.", published="2020-11-05").value == "2020-11-03"


def test_a_thanksgiving_service_is_no_holiday_and_a_fixed_holiday_keeps_its_day_without_a_year() -> None:
    assert times("A thanksgiving service will be held.") == []
    assert one("They partied on New Year's Eve.", published=None).value == "XXXX-12-31"


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        ("Four years ago today, the bridge opened.", "2024-02-29", "Four years ago today", "2020-02-29"),
        ("Ten years ago this month, the market crashed.", "1997-10-28", "Ten years ago this month", "1987-10"),
        ("One year from today the rule will expire.", "2020-02-29", "One year from today", "2021-02-28"),
        ("Two weeks ago Thursday, four bombs exploded.", "2005-07-25", "Two weeks ago Thursday", "2005-07-07"),
    ],
)
def test_offset_anchored_on_a_named_day_or_month_is_one_date(text: str, published: str, span: str, value: str) -> None:
    t = one(text, published)
    assert (t.span.text, t.type, t.value) == (span, "DATE", value)


def test_the_day_before_or_after_a_holiday() -> None:
    assert one("He died on the day after Christmas.", "1996-01-07").value == "1995-12-26"
    assert one("She left the day before Christmas.", "1996-01-07").value == "1995-12-24"
    assert one("Shops were busy in the days after Christmas.", "1996-01-07").span.text == "Christmas"
    t = one("Shoppers crowd stores on day after Thanksgiving", "2005-11-25")  # a headline drops "the"
    assert (t.span.text, t.value) == ("day after Thanksgiving", "2005-11-25")


def test_clock_time_on_a_holiday_is_that_day() -> None:
    t = one("The clocks stopped at midnight on New Year's Eve.", "2000-01-03")
    assert (t.span.text, t.value) == ("midnight on New Year's Eve", "1999-12-31T24:00")


def test_clock_time_with_minutes_in_the_morning_is_one_time() -> None:
    t = one("The planes took off at about 2:30 in the morning.", "1991-01-16")
    assert (t.span.text, t.type, t.value) == ("2:30 in the morning", "TIME", "1991-01-16T02:30")
    assert one("The fire broke out at 12:15 in the morning.", "1991-01-16").value == "1991-01-16T00:15"


def test_part_of_a_written_day_is_one_time() -> None:
    t = one("On the morning of Sept. 11, 2001, planes hit the towers.")
    assert (t.span.text, t.type, t.value) == ("the morning of Sept. 11, 2001", "TIME", "2001-09-11TMO")
    assert one("The raid came on the night of Oct. 5, 2019.").value == "2019-10-05"  # a night runs into the next day


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She ran the race in 29 minutes 45 seconds.", "PT29M45S"),
        ("It took two minutes and 40 seconds.", "PT2M40S"),
        ("The flight lasted three hours and 20 minutes.", "PT3H20M"),
        ("He served two years and three months.", "P2Y3M"),
        ("The siege lasted four days and six hours.", "P4DT6H"),
    ],
)
def test_two_units_make_one_duration(text: str, value: str) -> None:
    assert one(text).value == value


def test_a_coarser_second_unit_is_no_compound_duration() -> None:
    assert [t.value for t in times("It took 20 minutes, three hours in all.")] == ["PT20M", "PT3H"]


def test_the_week_ending_a_day_is_that_week() -> None:
    t = one("Sales rose in the week ending March 17.", "2017-03-22")
    assert (t.span.text, t.value) == ("the week ending March 17", "2017-W11")


def test_a_weekday_of_every_month_is_a_monthly_set() -> None:
    t = one("The club meets on the first Monday of every month.")
    assert (t.span.text, t.type, t.value) == ("the first Monday of every month", "SET", "P1M")


def test_that_night_after_a_month_is_a_night_of_an_unknown_day() -> None:
    found = times("She arrived in August 2012. That night, she slept in a tent.")
    assert (found[1].type, found[1].value) == ("TIME", "XXXX-XX-XXTNI")


def test_the_following_season_counts_from_the_story() -> None:
    found = times("They married in June 1969. The following spring, they moved to Ohio.")
    assert found[1].value == "1970-SP"
    found = times("They married in June 1969. The previous winter, they met.")
    assert found[1].value == "1968-WI"


def test_the_first_business_day_of_a_year_or_month() -> None:
    assert one("Banks will reopen on the first business day of 2000.", "1999-12-20").value == "2000-01-03"
    assert one("Trading ends on the last business day of March 2024.").value == "2024-03-29"
