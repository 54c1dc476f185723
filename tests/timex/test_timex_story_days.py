"""Days the story itself tells: joined day numbers, clock offsets, the weeks and weekends of a
told day, the same period a year back, holidays named with "New Year", years before 1800."""

from __future__ import annotations

from timex_helpers import times


def pairs(text: str, published: str = "2021-02-26") -> list[tuple[str, str]]:
    return [(t.span.text, t.value) for t in times(text, published)]


def test_day_numbers_joined_to_a_written_day_are_days_of_its_month() -> None:
    assert pairs("The committee meets on November 2 and 3.", "2010-09-22") == [("November 2", "2010-11-02"), ("3", "2010-11-03")]
    assert pairs("Talks were held on March 4, 5 and 6.", "2010-03-10") == [
        ("March 4", "2010-03-04"), ("5", "2010-03-05"), ("6", "2010-03-06")]  # fmt: skip
    assert pairs("The vote is set for Nov. 2 or 3.", "2010-09-22") == [("Nov. 2", "2010-11-02"), ("3", "2010-11-03")]


def test_day_numbers_written_before_the_day_and_month() -> None:
    assert pairs("The summit was held on 12 and 13 June.", "2010-06-20") == [("12", "2010-06-12"), ("13 June", "2010-06-13")]


def test_numbers_after_a_day_that_are_no_days_stay_untagged() -> None:
    assert pairs("On March 4 and 5 people died.", "2010-03-10") == [("March 4", "2010-03-04")]
    assert pairs("Talks on March 4, 5 and 2 ended.", "2010-03-10") == [("March 4", "2010-03-04")]  # not in order
    assert pairs("Fares rose on Feb. 28 and 30 routes.", "2010-03-10") == [("Feb. 28", "2010-02-28")]


def test_joined_day_that_the_month_lacks_is_dropped() -> None:
    assert pairs("Trains ran late on Feb. 28 and 30.", "2010-03-10") == [("Feb. 28", "2010-02-28")]


def test_hours_later_count_from_the_clock_time_just_told() -> None:
    assert pairs("The quake struck at 2:28 p.m. on Monday. An aftershock hit an hour later.", "2008-05-12") == [
        ("2:28 p.m. on Monday", "2008-05-12T14:28"), ("an hour later", "2008-05-12T15:28")]  # fmt: skip
    t = times("The polls closed at 11:30 p.m. on Sunday and results came two hours later.", "2008-05-12")[1]
    assert (t.type, t.value) == ("TIME", "2008-05-12T01:30")  # past midnight: the next day
    t = times("Police arrived at 10 a.m. The alarm had sounded 45 minutes earlier.", "2008-05-12")[1]
    assert (t.type, t.value) == ("TIME", "2008-05-12T09:15")


def test_days_later_after_a_clock_time_are_still_days() -> None:
    t = times("He left at 9 p.m. on Monday. Three days later, he was arrested.", "2008-05-12")[1]
    assert (t.type, t.value) == ("DATE", "2008-05-15")


def test_a_part_of_day_between_resets_the_clock() -> None:
    text = "The fires broke out at 3 p.m. on Wednesday. A blast on Thursday afternoon hit a home, and a second one came 40 minutes later."
    assert times(text, "2013-11-29")[-1].value != "2013-11-27T15:40"


def test_the_weekend_after_a_day_told_in_the_sentence_is_that_days_weekend() -> None:
    text = "A snowstorm on December 19 kept shoppers home for the weekend but pushed sales into the following week."
    assert pairs(text, "2010-01-07") == [("December 19", "2009-12-19"), ("the weekend", "2009-W51-WE"), ("the following week", "2009-W52")]


def test_a_founding_date_is_no_anchor_for_the_weekend() -> None:
    text = "The store, founded on Dec. 3, 1990, was closed over the weekend."
    assert pairs(text, "2010-01-07")[-1] == ("the weekend", "2010-W01-WE")  # this week's (no verb tense here), not 1990's


def test_the_first_and_last_week_of_a_year_are_iso_weeks() -> None:
    assert pairs("Shops will reopen in the second week of 2009.", "2008-12-20") == [("the second week of 2009", "2009-W02")]
    assert pairs("Sales fell in the last week of last year.", "2008-01-10") == [("the last week of last year", "2007-W52")]
    # the year of the story's month, not publication's: "mid-December ... the final week of the year"
    text = "Prices had fallen in mid-December before recovering in the final week of the year."
    assert pairs(text, "2008-01-02")[-1] == ("the final week of the year", "2007-W52")


def test_the_new_year_holiday_is_new_years_day() -> None:
    assert pairs("Traders returned after the New Year holiday.", "2008-01-02") == [("New Year", "2008-01-01")]
    assert times("Markets will shut for the Lunar New Year holiday.", "2008-01-02") == []
    assert pairs("We will talk again in the New Year.", "2007-12-12") == [("the New Year", "2008")]  # the year, not its first day


def test_years_before_1800_after_a_word_that_makes_them_years() -> None:
    assert pairs("It was the wettest summer since records began in 1766.", "2007-07-28")[-1] == ("1766", "1766")
    assert pairs("The treaty signed in 1648 was a turning point.")[-1] == ("1648", "1648")
    assert pairs("Records began in 1766.") == [("1766", "1766")]
    assert times("A crowd of 1500 gathered.") == []
    assert times("Prices rose in 1500 cases.") == []


def test_the_same_period_a_year_back_is_one_time() -> None:
    text = "Profit rose in the third quarter, compared with the same period last year."
    assert pairs(text, "2008-11-05") == [("the third quarter", "2008-Q3"), ("the same period last year", "2007-Q3")]
    text = "Car sales fell in October from the same month last year."
    assert pairs(text, "2008-11-05") == [("October", "2008-10"), ("the same month last year", "2007-10")]
    assert pairs("Sales were up on the same period of 2006.", "2008-11-05") == [("the same period of 2006", "2006")]
    assert pairs("Traffic was higher than on the same day a year ago.", "2008-11-05") == [("the same day a year ago", "2007-11-05")]


def test_the_same_period_after_months_is_the_year_before() -> None:
    # "the first four months": a stretch of months, so the comparison is with last year
    text = "Orders from January to June fell from the same period last year."
    assert pairs(text, "2008-11-05")[-1] == ("the same period last year", "2007")


def test_a_holidays_weekend_week_and_parts() -> None:
    assert pairs("Forty people died on French roads over the Easter weekend.", "2012-04-10") == [("the Easter weekend", "2012-W14-WE")]
    # a Monday holiday's weekend is the one before it
    assert pairs("Traffic was heavy over the Memorial Day weekend.", "2012-06-10") == [("the Memorial Day weekend", "2012-W21-WE")]
    assert pairs("Sales were weak in the week before Christmas.", "2008-01-02") == [("the week before Christmas", "2007-W51")]
    assert pairs("Traffic was heavy on the weekend before Christmas.", "2008-01-02") == [("the weekend before Christmas", "2007-W51-WE")]
    assert pairs("Shoppers crowded malls the weekend after Thanksgiving.", "2008-01-02") == [("the weekend after Thanksgiving", "2007-W47-WE")]
    t = times("Shoppers headed to stores on Thanksgiving night.", "2012-11-26")[0]
    assert (t.span.text, t.type, t.value) == ("Thanksgiving night", "TIME", "2012-11-22TNI")


def test_the_martin_luther_king_holiday_is_the_third_monday_of_january() -> None:
    assert pairs("Markets were closed for the Martin Luther King holiday.", "2008-01-25") == [("Martin Luther King holiday", "2008-01-21")]


def test_the_first_and_last_day_of_a_year() -> None:
    assert pairs("The law takes effect on the first day of 2009.", "2008-06-02") == [("the first day of 2009", "2009-01-01")]
    assert pairs("Markets closed early on the last day of the year.", "2009-12-31") == [("the last day of the year", "2009-12-31")]


def test_later_than_planned_is_a_length_of_delay() -> None:
    t = times("The jet was delivered two years later than planned.", "2008-01-02")[0]
    assert (t.span.text, t.type, t.value) == ("two years", "DURATION", "P2Y")


def test_a_drop_is_no_autumn() -> None:
    assert times("It was the biggest fall in the history of the index.", "2009-11-10") == []
    assert pairs("It was the wettest fall on record.", "2009-11-10") == [("fall", "2009-FA")]


def test_a_record_month_is_no_record_date() -> None:
    # "record" before a date is a dividend's record date only after "of" or a comma
    assert pairs("The carmaker posted record December exports.", "2006-01-05") == [("December", "2005-12")]
    assert pairs("The dividend is payable Jan. 20 to holders of record Jan. 10.", "2006-01-05")[-1] == ("Jan. 10", "2006-01-10")


def test_months_of_a_quarter_joined_by_a_dash_are_the_quarter() -> None:
    assert pairs("Exports in April-June 2012 fell.", "2013-05-15") == [("April-June 2012", "2012-Q2")]
    assert pairs("Talks ran from January to March.", "2013-05-15") == [("January", "2013-01"), ("March", "2013-03")]


def test_clock_times_after_a_night_fall_in_its_small_hours() -> None:
    text = "Gunmen attacked the village overnight on Friday. They arrived at around 2 a.m."
    assert pairs(text, "2021-06-07") == [("overnight on Friday", "2021-06-04TNI"), ("2 a.m.", "2021-06-05T02:00")]
    text = "Air strikes hit the capital overnight. Explosions shook the city from around 1 a.m. until dawn."
    assert pairs(text, "2021-06-07") == [("overnight", "2021-06-06TNI"), ("1 a.m.", "2021-06-07T01:00"), ("dawn", "2021-06-07TMO")]


def test_dawn_and_sundown_are_parts_of_their_day() -> None:
    assert pairs("Militants attacked at dawn on Sunday.", "2021-06-07") == [("dawn on Sunday", "2021-06-06TMO")]
    assert pairs("The eight-day holiday begins at sundown April 8.", "2009-03-29")[-1] == ("sundown April 8", "2009-04-08TEV")
    assert times("He was interviewed by Dawn on Monday.", "2021-06-07")[0].type == "DATE"  # the paper, not daybreak


def test_a_clock_range_starts_on_the_day_its_end_names() -> None:
    assert pairs("The curfew was observed from 7 am to 9 pm today.", "2020-03-23") == [
        ("7 am", "2020-03-23T07:00"), ("9 pm today", "2020-03-23T21:00")]  # fmt: skip
    assert pairs("Disposal day will be 9 a.m. to 2 p.m. May 16.", "2009-03-26") == [
        ("9 a.m.", "2009-05-16T09:00"), ("2 p.m. May 16", "2009-05-16T14:00")]  # fmt: skip


def test_a_month_that_year_is_of_the_year_told() -> None:
    assert pairs("The party won in 2017. A fresh poll was held in October that year.", "2021-09-10")[-1] == ("October that year", "2017-10")
    assert pairs("The Games will open in the first week of March next year.", "2021-09-10") == [("the first week of March next year", "2022-W09")]


def test_fortnights_another_week_fiscal_years_and_every_evening() -> None:
    t = times("Prices rose over the last fortnight.", "2021-09-10")[0]
    assert (t.span.text, t.type, t.value) == ("the last fortnight", "DURATION", "P2W")
    t = times("The lockdown was extended by another week.", "2021-09-10")[0]
    assert (t.span.text, t.type, t.value) == ("another week", "DURATION", "P1W")
    assert pairs("The company posted record profit in FY23.", "2023-05-10") == [("FY23", "2023")]
    t = times("Protests are held every evening.", "2021-09-10")[0]
    assert (t.type, t.value) == ("SET", "XXXX-XX-XXTEV")


def test_national_days_with_one_date() -> None:
    assert pairs("Schools were closed on Pakistan Day.", "2018-04-10") == [("Pakistan Day", "2018-03-23")]
    assert pairs("Rallies marked Democracy Day.", "2023-06-13") == [("Democracy Day", "2023-06-12")]


def test_bare_parts_of_day_after_since_and_till() -> None:
    assert pairs("Rain has lashed the city since morning.", "2023-04-20") == [("morning", "2023-04-20TMO")]
    assert pairs("The markets remained packed till late night.", "2023-04-20") == [("late night", "2023-04-20TNI")]
    assert times("He stayed until night prayers.", "2023-04-20") == []


def test_the_current_fiscal_is_a_year() -> None:
    assert pairs("Sales rose in the first quarter of the current fiscal.", "2023-04-20")[-1] == ("the current fiscal", "2023")
    assert times("The fiscal deficit widened.", "2023-04-20") == []


def test_a_name_kept_on_two_days_takes_the_one_nearest_publication() -> None:
    assert pairs("Veterans marched on Victory Day.", "2020-05-10") == [("Victory Day", "2020-05-09")]
    assert pairs("Veterans marched on Victory Day.", "2020-12-17") == [("Victory Day", "2020-12-16")]


def test_only_the_small_hours_after_a_night_move_to_the_next_day() -> None:
    text = "Power was restored tonight after a breakdown that began at 7:34 a.m."
    assert pairs(text, "2023-01-23")[-1] == ("7:34 a.m.", "2023-01-23T07:34")


def test_a_clock_time_and_the_day_written_after_it_are_one_time() -> None:
    assert pairs("The UK was due to leave at 11pm GMT on 29 March 2019.", "2019-03-20") == [("11pm GMT on 29 March 2019", "2019-03-29T23:00")]
    assert pairs("Police responded at about 6:30 a.m. Dec. 18, 2014, to the home.", "2015-06-01") == [("6:30 a.m. Dec. 18, 2014", "2014-12-18T06:30")]
    assert pairs("The restrictions start at 8am on Tuesday 26 January.", "2021-01-20") == [("8am on Tuesday 26 January", "2021-01-26T08:00")]
    assert pairs("The warning runs until 6pm tonight.", "2019-03-20") == [("6pm tonight", "2019-03-20T18:00")]
    assert pairs("The taxi was called at about 11.30pm last night.", "2009-03-31") == [("11.30pm last night", "2009-03-30T23:30")]


def test_british_weeks_on_from_a_weekday() -> None:
    assert pairs("Staff will walk out from 6am on Monday week.", "2019-03-05") == [("6am on Monday week", "2019-03-18T06:00")]
    assert pairs("The vote is a week on Friday.", "2019-03-05") == [("a week on Friday", "2019-03-15")]
    assert pairs("The talks end a fortnight on Thursday.", "2019-03-05") == [("a fortnight on Thursday", "2019-03-21")]
    assert pairs("He was arrested last Tuesday week.", "2019-03-05") == [("last Tuesday week", "2019-02-19")]
    assert pairs("Repairs should be done by a week from Friday.", "2019-03-05") == [("a week from Friday", "2019-03-15")]


def test_frequencies_of_days_in_a_week_and_weekends() -> None:
    t = times("She works five days a week.", "2019-05-20")[0]
    assert (t.span.text, t.type, t.value) == ("five days a week", "SET", "P1W")
    t = times("He worked at least three nights a month.", "2019-05-20")[0]
    assert (t.type, t.value) == ("SET", "P1M")
    t = times("Shops open at weekends.", "2019-05-20")[0]
    assert (t.type, t.value) == ("SET", "XXXX-WXX-WE")
    assert (times("Bins are collected fortnightly.", "2019-05-20")[0].value) == "P2W"


def test_more_named_days() -> None:
    assert pairs("Crowds gathered for Anzac Day.", "2019-05-20") == [("Anzac Day", "2019-04-25")]
    assert pairs("Revellers celebrated Hogmanay.", "2019-01-02") == [("Hogmanay", "2018-12-31")]
    assert pairs("Florists were busy before Mother's Day.", "2019-05-20") == [("Mother's Day", "2019-05-12")]


def test_small_hours_after_an_evening_clock_time() -> None:
    assert pairs("Police made 11 arrests on New Year's Eve between 8pm and 4am.", "2023-01-02")[-1] == ("4am", "2023-01-01T04:00")
    text = "The exit poll was published at 10pm on Thursday. Labour passed 326 seats shortly after 5am."
    assert pairs(text, "2023-01-02")[-1] == ("5am", "2022-12-30T05:00")


def test_ordinal_days_without_a_month() -> None:
    assert pairs("Ambulance workers will strike on the 21st and 28th.", "2022-12-14") == [("the 21st", "2022-12-21"), ("28th", "2022-12-28")]
    assert times("He killed a fighter from the 30th brigade.", "2022-12-14") == []
    assert times("Slavery was practiced from the 17th through 19th centuries.", "2022-12-14") == []


def test_the_new_year_last_easter_and_the_long_weekend() -> None:
    assert pairs("Talks will resume in the new year.", "2022-12-14") == [("the new year", "2023")]
    assert pairs("Last Easter was the coldest on record.", "2023-03-01") == [("Last Easter", "2022-04-17")]
    assert pairs("Maybe by next Christmas, he says.", "2009-03-22") == [("next Christmas", "2009-12-25")]
    t = times("The rain will last at least another month.", "2022-12-14")[0]
    assert (t.span.text, t.type, t.value) == ("at least another month", "DURATION", "P1M")
    assert pairs("Results are due in the early hours of tomorrow.", "2023-07-20") == [("tomorrow", "2023-07-21")]


STORY_SENTENCES = (
    "The committee meets on November 2 and 3. The summit was held on 12 and 13 June.",
    "The quake struck at 2:28 p.m. on Monday. An aftershock hit an hour later.",
    "A snowstorm on December 19 kept shoppers home for the weekend but pushed sales into the following week.",
    "Prices fell in mid-December before recovering in the final week of the year, the last day of the year.",
    "Traders returned after the New Year holiday. Records began in 1766.",
    "Profit rose in the third quarter, compared with the same period last year and the same period of 2006.",
    "Orders from January to June fell from the same period last year.",
    "Forty people died over the Easter weekend, the week before Christmas, on Thanksgiving night.",
    "Gunmen attacked overnight on Friday, arrived at 2 a.m., left at dawn on Sunday, at sundown on 12 May.",
    "The curfew ran from 7 am to 9 pm today, between 1 and 15 March, in the week of 8-14 July.",
    "A poll was held in October that year, in FY23, in the first week of March next year, every evening.",
    "He left at 11pm GMT on 29 March 2019, on Monday week, a week on Friday, last Tuesday week.",
    "Workers strike on the 21st and 28th, in the new year, last Easter, over the long weekend, five days a week.",
)


def test_story_rules_without_a_publication_date_do_not_fail() -> None:
    for text in STORY_SENTENCES:
        for t in times(text, None):  # every value is written or left open, none is invented
            assert t.value
            assert t.anchor != "published", t


def test_contract_months_ages_in_decades_and_quarter_centuries() -> None:
    assert pairs("Gold futures for the December contract rose 1.2 percent.", "2011-08-23") == [("December", "2011-12")]
    assert pairs("Brent crude for January delivery rose.", "2016-11-30") == [("January", "2017-01")]
    assert times("He published papers well into his eighties.", "2011-08-23") == []
    t = times("He has lived there for a quarter of a century.", "2011-08-23")[0]
    assert (t.span.text, t.type, t.value) == ("a quarter of a century", "DURATION", "P25Y")
    t = times("He served on the board for another decade.", "2011-08-23")[0]
    assert (t.span.text, t.value) == ("another decade", "P10Y")
    assert pairs("Prices have risen since end-2023.", "2024-05-01") == [("since end-2023", "2023")]


def test_year_to_date_and_the_week_ahead() -> None:
    assert pairs("The index is up 12 percent year-to-date.", "2024-03-15") == [("year-to-date", "2024")]
    assert pairs("Investors face a busy week ahead.", "2024-03-15") == [("week ahead", "2024-W12")]  # written on a Friday
    assert pairs("Investors face a busy week ahead.", "2024-03-11") == [("week ahead", "2024-W11")]  # on a Monday
    assert times("The index is up 12 percent year-to-date.", None)[0].value == "XXXX"
