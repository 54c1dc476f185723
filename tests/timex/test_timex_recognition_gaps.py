"""Gaps found by probing with sentences of our own: parts of the day ("overnight", "by
nightfall", "midweek"), vague and broadcast references, calendar words inside names, fractions
that are no durations, seasons of sport, years of the next century, and sets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from timex_helpers import one, times

from tidings.model import Article, Published, Time
from tidings.timex.extract import find_times


def found(text: str, published: str | None = "2021-01-04") -> list[tuple[str, str, str]]:
    return [(t.span.text, t.type, t.value) for t in times(text, published)]


def parsed_times(parse: Callable[[str], Article], text: str, published: str) -> list[Time]:
    article = replace(parse(text), published=Published(published, "input"))
    return find_times(article)[0]


# parts of the day


def test_overnight_in_a_past_clause_is_the_night_before_publication(parse: Callable[[str], Article]) -> None:
    for text in ("Heavy snow fell overnight across the region.", "Shares fell overnight in New York.",
                 "Overnight, rebels shelled the city.", "Overnight clashes left five dead."):  # fmt: skip
        t = parsed_times(parse, text, "2021-01-04")[0]
        assert (t.span.text.lower(), t.type, t.value) == ("overnight", "TIME", "2021-01-03TNI"), text
        assert (t.begin, t.end_date) == ("2021-01-03", "2021-01-03")


def test_overnight_in_a_future_clause_is_the_coming_night(parse: Callable[[str], Article]) -> None:
    t = parsed_times(parse, "Temperatures will drop sharply overnight.", "2021-01-04")[0]
    assert (t.type, t.value) == ("TIME", "2021-01-04TNI")


def test_overnight_counts_from_an_earlier_day_the_story_is_about() -> None:
    # a Monday paper on Friday's trading: the losses in New York were Thursday night's
    text = "London shares closed lower Friday. They were depressed by overnight losses in New York."
    assert found(text, "1989-10-30")[1] == ("overnight", "TIME", "1989-10-26TNI")


def test_overnight_meaning_suddenly_or_a_rate_is_no_time() -> None:
    for text in ("Change will not happen overnight.", "The central bank raised the overnight rate.",
                 "The company became an overnight success.", "It doubled its size almost overnight.",
                 "You can't build an organisation overnight, she said.", "He booked an overnight stay."):  # fmt: skip
        assert found(text) == [], text


def test_overnight_named_by_its_day_leaves_the_day_to_say_it() -> None:
    assert found("Fighting raged overnight into Sunday.", "2021-03-01") == [("Sunday", "DATE", "2021-02-28")]
    assert [v for _, _, v in found("The attack took place overnight on 8-9 January.", "2020-01-10")] == ["2020-01-08"]


def test_nightfall_and_dusk_are_the_evening_of_the_day_told_or_of_publication() -> None:
    assert found("Rebels had withdrawn by nightfall.") == [("nightfall", "TIME", "2021-01-04TEV")]
    assert found("Curfew begins at dusk.") == [("dusk", "TIME", "2021-01-04TEV")]
    assert found("On Saturday, troops entered the village. By nightfall, they had left.")[1] == ("nightfall", "TIME", "2021-01-02TEV")
    assert found("The fighting stopped at dusk on Saturday.") == [("dusk on Saturday", "TIME", "2021-01-02TEV")]


def test_dusk_in_a_compound_or_a_name_is_no_time() -> None:
    assert found("Police imposed a dusk-to-dawn curfew.") == []
    assert found("The Dusk Till Dawn festival opened.") == []


def test_through_the_night_is_the_night_of_the_day_told_or_of_publication() -> None:
    assert found("Rescuers worked through the night to free the miners.") == [("the night", "TIME", "2021-01-04TNI")]
    assert found("Protesters stayed throughout the night.") == [("the night", "TIME", "2021-01-04TNI")]
    assert found("On Friday talks began and went on through the night.")[1] == ("the night", "TIME", "2021-01-01TNI")
    assert found("It happened in the night of the final.") == []


def test_by_midweek_is_the_week() -> None:
    assert found("A decision is expected by midweek.", "2016-07-11") == [("midweek", "DATE", "2016-W28")]
    assert found("Prices rose until midweek and then fell.", "2021-01-08") == [("midweek", "DATE", "2021-W01")]
    assert found("The midweek match was postponed.") == []


def test_the_reused_parts_of_the_day_are_unchanged() -> None:
    assert found("Protesters will gather tonight, this evening and in the evening.") == [
        ("tonight", "TIME", "2021-01-04TNI"), ("this evening", "TIME", "2021-01-04TEV"), ("the evening", "TIME", "2021-01-04TEV")]  # fmt: skip


# vague and broadcast references


def test_coming_days_is_a_stretch_ahead_as_coming_weeks() -> None:
    assert found("More rain is expected in the coming days.") == [("coming days", "DURATION", "PXD")]
    assert found("Officials will decide in the coming weeks.") == [("coming weeks", "DURATION", "PXW")]
    assert found("Both campaigns will watch it in the days ahead.") == [("the days ahead", "DURATION", "PXD")]
    assert found("A ruling is due in the coming hours.") == [("coming hours", "DURATION", "PTXH")]


def test_lately_is_the_past() -> None:
    assert found("Prices have risen sharply lately.") == [("lately", "DATE", "PAST_REF")]


def test_minutes_ago_is_the_publication_day() -> None:
    for text, span in (("The president arrived moments ago.", "moments ago"), ("The verdict was read just minutes ago.", "just minutes ago"),
                       ("I saw him a moment ago.", "a moment ago"), ("The plane took off a few minutes ago.", "a few minutes ago")):  # fmt: skip
        t = one(text)
        assert (t.span.text, t.type, t.value, t.begin, t.anchor) == (span, "DATE", "2021-02-26", "2021-02-26", "published"), text
    assert one("The verdict was read just minutes ago.", published=None).value == "PAST_REF"


def test_this_hour_in_a_broadcast() -> None:
    assert found("We expect a statement later this hour.") == [("later this hour", "DATE", "2021-01-04")]
    assert found("At this hour, rescuers are still searching.") == [("At this hour", "DATE", "PRESENT_REF")]


# calendar words inside names


def test_years_inside_names_are_no_times() -> None:
    for text in ("He was convicted under Section 1983 of the civil rights law.", "The 1860 Munich club won the match.",
                 "Its Model 2000 copier sold well.", "The council adopted Resolution 2254.",
                 "Orwell's Nineteen Eighty-Four is back on the list.", "Windows 2000 was installed."):  # fmt: skip
        assert found(text) == [], text


def test_years_that_are_dates_stay() -> None:
    assert found("The club was founded in 1860.") == [("1860", "DATE", "1860")]
    assert found("He bought a 1987 Chevrolet.") == [("1987", "DATE", "1987")]
    assert found("The 1860s saw rapid growth.") == [("1860s", "DATE", "186")]
    assert found("The 2019 protest movement toppled the government.") == [("2019", "DATE", "2019")]


def test_days_inside_names_are_no_times() -> None:
    assert found("The Tuesday Group of moderate Republicans met on Monday.") == [("Monday", "DATE", "2021-01-04")]
    assert found("Members of the March 8 movement marched in Beirut.") == []
    assert found("Members of the April 6 Youth Movement were arrested.") == []
    assert found("The Fourth of July Creek trail reopened.") == []
    assert found("The Monday Club is a pressure group.") == []


def test_the_group_of_seven_does_not_make_a_weekday_a_name() -> None:
    assert found("Leaders of the Group of Seven met on Tuesday.") == [("Tuesday", "DATE", "2020-12-29")]
    assert found("He said Tuesday Group of Seven leaders would meet.") == [("Tuesday", "DATE", "2020-12-29")]


def test_a_dividend_record_date_is_a_date() -> None:
    assert [s for s, _, _ in found("Qtly div 25 cts\n    Pay April 30\n    Record April 16", "1987-02-26")] == ["April 30", "April 16"]


# fractions


def test_a_fraction_is_no_duration() -> None:
    for text in ("The stock has fallen by roughly three-quarters since its peak.", "They won three-quarters of the votes.",
                 "Nearly three quarters said they would vote.", "Emissions were cut by three quarters.",
                 "Three quarters of voters backed the plan.", "He holds a three-quarter stake."):  # fmt: skip
        assert found(text) == [], text


def test_quarters_of_a_year_stay_durations() -> None:
    assert found("Profits fell for three quarters in a row.") == [("three quarters", "DURATION", "P3Q")]
    assert found("Profits fell over the past three quarters.") == [("the past three quarters", "DURATION", "P3Q")]
    assert found("Profits fell for three quarters.") == [("three quarters", "DURATION", "P3Q")]
    assert found("After three quarters of growth, the economy shrank.") == [("three quarters", "DURATION", "P3Q")]


# seasons of sport


def test_last_season_is_the_sporting_year_before_the_current_one() -> None:
    t = one("He scored 20 goals last season.", published="2021-01-04")
    assert (t.span.text, t.type, t.value, t.begin, t.end_date) == ("last season", "DATE", "2019", "2019-07-01", "2020-06-30")
    assert one("He scored 41 goals last season.", published="2021-07-20").value == "2020"
    assert one("He has played 30 games this season.", published="2021-01-04").value == "2020"
    assert one("He will move abroad next season.", published="2021-01-04").value == "2021"
    assert one("He scored 20 goals last season.", published=None).value == "XXXX"


def test_the_final_season_of_a_show_is_no_time() -> None:
    assert found("In the last season of the show, the hero dies.") == []


def test_a_season_over_two_years_is_written_by_its_first() -> None:
    t = one("He scored 20 goals in the 2018-19 season.")
    assert (t.span.text, t.type, t.value, t.begin, t.end_date) == ("2018-19", "DATE", "2018", "2018-07-01", "2019-06-30")
    assert found("The 2020/21 season began late.") == [("2020/21", "DATE", "2020")]
    assert found("Sales rose in 2018-19.") == [("2018-19", "DATE", "2018")]  # no season: the two calendar years


# lengths


def test_and_a_half_written_with_hyphens() -> None:
    assert found("He signed a two-and-a-half-year contract.") == [("two-and-a-half-year", "DURATION", "P2Y6M")]
    assert found("A one-and-a-half-hour meeting followed.") == [("one-and-a-half-hour", "DURATION", "PT1H30M")]
    assert found("She is a two-and-a-half-year-old.") == []
    assert found("He served 2 1/2 years.") == [("2 1/2 years", "DURATION", "P2Y6M")]


# years of the next century


def test_years_of_the_next_century_after_a_date_word() -> None:
    assert found("Sea levels could rise by up to 98 cm by 2100.") == [("2100", "DATE", "2100")]
    assert found("Temperatures will keep rising until 2150.") == [("2150", "DATE", "2150")]
    assert found("The year 2100 will be no leap year.")[0][:2] == ("The year 2100", "DATE")


def test_numbers_of_the_next_century_are_no_years() -> None:
    assert found("There were 2100 people in the stadium.") == []
    assert found("They sat in 2100 seats.") == []
    assert found("The train leaves at 2100 hours.") == [("2100 hours", "TIME", "2021-01-04T21:00")]


# sets


def test_a_rate_after_an_amount_of_something_is_a_set() -> None:
    assert found("Adults need 150 minutes of moderate exercise a week.") == [
        ("150 minutes", "DURATION", "PT150M"), ("a week", "SET", "P1W")]  # fmt: skip
    assert found("They drink 3 litres of water a day.") == [("a day", "SET", "P1D")]
    assert found("They have met twice a week.") == [("twice a week", "SET", "P1W")]


def test_every_holiday_is_a_set() -> None:
    assert found("The family has gathered every Christmas since the early 1980s.") == [
        ("every Christmas", "SET", "XXXX-12-25"), ("early 1980s", "DATE", "198")]  # fmt: skip
    assert found("Each Christmas they visit the town.") == [("Each Christmas", "SET", "XXXX-12-25")]
    assert found("They meet every Thanksgiving.") == [("every Thanksgiving", "SET", "XXXX-11-XX")]


def test_annual_is_left_alone_as_timebank_leaves_it() -> None:
    assert found("The assembly opens its annual session on March 5.") == [("March 5", "DATE", "2021-03-05")]


# a season with a superlative


def test_a_season_with_a_superlative_is_the_latest_one() -> None:
    assert found("This was the driest spring on record.", "2009-06-01") == [("spring", "DATE", "2009-SP")]
    assert found("It was the warmest winter in decades.", "2009-03-24")[0] == ("winter", "DATE", "2008-WI")


def test_a_superlative_season_of_a_year_told_is_that_year_s() -> None:
    assert found("The hottest summer on record came in 2003.", "2009-06-01") == [("2003", "DATE", "2003")]
    assert found("Rebels launched their largest spring offensive yet.") == []
