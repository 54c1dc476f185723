from datetime import date

from tidings.timex import calendar as cal


def test_leap_day_resolves_to_the_last_leap_year_in_the_past() -> None:
    assert cal.month_day_near(date(2025, 3, 10), 2, 29, -1) == date(2024, 2, 29)


def test_leap_day_looking_forward_skips_to_the_next_leap_year() -> None:
    assert cal.month_day_near(date(2025, 3, 10), 2, 29, 1) == date(2028, 2, 29)


def test_december_event_reported_in_january_is_last_year() -> None:
    assert cal.month_day_near(date(2022, 1, 3), 12, 28, -1) == date(2021, 12, 28)


def test_january_deadline_announced_in_december_is_next_year() -> None:
    assert cal.month_day_near(date(2021, 12, 20), 1, 5, 1) == date(2022, 1, 5)


def test_deadline_window_takes_a_date_shortly_after_publication() -> None:
    assert cal.month_day_near(date(2021, 10, 30), 11, 16, -1, ahead=21) == date(2021, 11, 16)
    assert cal.month_day_near(date(2021, 10, 30), 11, 16, -1, ahead=0) == date(2020, 11, 16)


def test_weekday_arithmetic_both_directions() -> None:
    friday = date(2021, 2, 26)
    assert cal.weekday_near(friday, 5, -1) == friday  # "said Friday" on a Friday
    assert cal.weekday_near(friday, 5, 1) == date(2021, 3, 5)  # "will meet Friday"
    assert cal.weekday_near(friday, 1, -1) == date(2021, 2, 22)
    assert cal.weekday_near(friday, 1, 1) == date(2021, 3, 1)
    assert cal.weekday_near(date(2021, 1, 1), 3, -1) == date(2020, 12, 30)  # across a year


def test_intervals_of_weeks_quarters_seasons_and_decades() -> None:
    assert cal.week(date(2021, 1, 1)).value == "2020-W53"
    q = cal.quarter(2020, 1)
    assert (q.value, q.begin, q.end) == ("2020-Q1", date(2020, 1, 1), date(2020, 3, 31))
    w = cal.season(2020, "WI")
    assert (w.begin, w.end) == (date(2020, 12, 1), date(2021, 2, 28))
    assert cal.decade(199).value == "199" and cal.decade(199).end == date(1999, 12, 31)
    assert cal.nth_weekday(2020, 11, 4, 4) == date(2020, 11, 26)


def test_add_months_clips_to_month_end() -> None:
    assert cal.add_months(date(2020, 3, 31), -1) == date(2020, 2, 29)
    assert cal.add_months(date(2019, 12, 15), 1) == date(2020, 1, 15)
