"""The tense of a clause, read from the real parse, and what it makes of a time: modals of
possibility, verbs joined to a future one, the simple present of a coming act, plans told in
the past, ranges, "for the weekend" and quarters whose results are still to come."""

from __future__ import annotations

from collections.abc import Callable

from timex_helpers import one, parsed, times

from tidings.model import Article
from tidings.timex.extract import find_times

Parse = Callable[[str, str | None], Article]


def values(parse: Parse, text: str, published: str) -> list[str]:
    return [t.value for t in find_times(parse(text, published))[0]]


def test_could_speaks_of_a_possibility_ahead_but_could_not_of_a_past_failure(parse: Parse) -> None:
    # published Tuesday 13 September 2022
    assert values(parse, "The typhoon could make landfall near Okinawa on Thursday.", "2022-09-13") == ["2022-09-15"]
    assert values(parse, "The mayor could not be reached for comment on Monday.", "2022-09-13") == ["2022-09-12"]
    assert values(parse, "Nobody could be found at the office on Monday.", "2022-09-13") == ["2022-09-12"]
    assert values(parse, "The officials could give no reason for the delay on Monday.", "2022-09-13") == ["2022-09-12"]
    # a judgement of now, and a day that is a noun's, are not ahead
    assert values(parse, "Trade in February could be described as sluggish.", "2022-03-20") == ["2022-02"]
    assert values(parse, "Rates could rise above May 22's level.", "2022-06-02") == ["2022-05-22"]


def test_a_time_before_the_that_of_a_could_clause_is_not_the_clauses() -> None:
    # "warnings on Monday that the strikes could harm ties": a parse that hangs Monday on "harm"
    a = parsed([("He", "PRP", "PRON", "nsubj", 7), ("heard", "JJ", "ADJ", "advmod", 7), ("warnings", "NNS", "NOUN", "dobj", 1),
                ("on", "IN", "ADP", "prep", 1), ("Monday", "NNP", "PROPN", "pobj", 3), ("that", "IN", "SCONJ", "mark", 7),
                ("could", "MD", "AUX", "aux", 7), ("harm", "VB", "VERB", "ROOT", 7), ("ties", "NNS", "NOUN", "dobj", 7)],
               "2022-09-13")  # fmt: skip
    assert find_times(a)[0][0].value == "2022-09-12"


def test_a_verb_joined_to_a_future_one_shares_its_future(parse: Parse) -> None:
    assert values(parse, "Delegates will gather in Geneva and vote on Thursday.", "2022-09-13") == ["2022-09-15"]
    assert values(parse, "The crew may refuel and depart on Friday.", "2022-09-13") == ["2022-09-16"]
    assert values(parse, "Delegates gathered in Geneva and voted on Thursday.", "2022-09-13") == ["2022-09-08"]


def test_a_day_of_the_week_on_an_act_in_the_simple_present_is_past_unless_timetabled(parse: Parse) -> None:
    # captions, event notes and narration tell the past in the present (a rule that read any
    # simple present as ahead was tried and dropped: on 211 sentences of our own it fixed 23
    # previews and broke 45 captions, notes and ledes)
    assert values(parse, "Protesters march through the capital on Saturday.", "2021-02-22") == ["2021-02-20"]
    assert values(parse, "On Monday, the military detains the state counsellor.", "2021-02-03") == ["2021-02-01"]
    assert values(parse, "The truck ploughs into the crowd at 10:45 p.m. on Thursday.", "2016-07-15") == ["2016-07-14T22:45"]
    # a verb of the timetable still looks ahead
    assert values(parse, "The trial opens on Thursday.", "2022-09-13") == ["2022-09-15"]


def test_a_clock_time_on_todays_weekday_is_today() -> None:
    # published Tuesday 13 September 2022; no parse: the clause has no tense
    assert one("Polling resumes at 7 a.m. on Tuesday.", "2022-09-13").value == "2022-09-13T07:00"
    assert one("Polling resumes at 7 a.m. on Wednesday.", "2022-09-13").value == "2022-09-07T07:00"


def test_a_clock_time_on_todays_weekday_ahead_is_today(parse: Parse) -> None:
    assert values(parse, "Polling will resume at 7 a.m. on Tuesday.", "2022-09-13") == ["2022-09-13T07:00"]
    assert values(parse, "Polling will resume at 7 a.m. on Monday.", "2022-09-13") == ["2022-09-19T07:00"]


def test_a_plan_told_in_a_past_passive_may_lie_months_ahead(parse: Parse) -> None:
    assert values(parse, "The auction was scheduled for June 20.", "2018-05-02") == ["2018-06-20"]
    assert values(parse, "The retrial was set for Aug. 14.", "2018-05-02") == ["2018-08-14"]
    assert values(parse, "Municipal polls were slated for September.", "2018-05-02") == ["2018-09"]
    # a plan that was due weeks ago stays there
    assert values(parse, "The vote was scheduled for April 3 but was called off.", "2018-05-02") == ["2018-04-03"]


def test_a_ranges_end_does_not_precede_its_start() -> None:
    a, b = times("The exhibition runs from March 1 to Sept. 30.", "2011-03-09")
    assert (a.value, b.value) == ("2011-03-01", "2011-09-30")
    assert a.range is not None and (a.range.begin, a.range.end_date) == ("2011-03-01", "2011-09-30")
    # an end that cannot fall in the start's year falls in the next
    a, b = times("The fair runs from Dec. 20, 2011 to Jan. 6.", "2011-06-01")
    assert (a.value, b.value) == ("2011-12-20", "2012-01-06")
    # an end already after its start is left alone
    a, b = times("The strike lasted from Feb. 2 to Feb. 20.", "2011-03-09")
    assert (a.value, b.value) == ("2011-02-02", "2011-02-20")


def test_a_range_whose_end_says_this_year_keeps_its_start_in_that_year(parse: Parse) -> None:
    text = "Imports may reach or exceed a million tonnes between January and September this year."
    assert values(parse, text, "2011-03-03") == ["2011-01", "2011-09"]


def test_for_the_weekend_on_a_friday_is_the_weekend_ahead(parse: Parse) -> None:
    # Friday 16 September 2022: the weekend of 17-18 September (ISO week 37)
    text = "Negotiators adjourned for the weekend and will meet again on Monday."
    assert values(parse, text, "2022-09-16") == ["2022-W37-WE", "2022-09-19"]
    # on a Wednesday it was the weekend before; "over the weekend" is the one gone
    assert values(parse, "Negotiators adjourned for the weekend.", "2022-09-14") == ["2022-W36-WE"]
    assert values(parse, "Negotiators met over the weekend.", "2022-09-16") == ["2022-W36-WE"]


def test_the_quarter_ending_on_a_day_ahead_is_the_current_quarter() -> None:
    assert times("Results for the quarter ending June 30 are due in July.", "2019-05-20")[0].value == "2019-Q2"
    assert times("Sales for the quarter ending June 30 rose.", "2019-08-10")[0].value == "2019-Q2"
    assert times("Sales for the quarter ended June 30 rose.", "2019-08-10")[0].value == "2019-Q2"


def test_a_quarter_whose_results_are_still_to_come_is_the_one_just_ended(parse: Parse) -> None:
    assert values(parse, "The bank said fourth-quarter profit would beat forecasts.", "2011-01-20") == ["2010-Q4"]
    assert values(parse, "The retailer will post fourth-quarter sales figures next week.", "2011-02-03") == ["2010-Q4", "2011-W06"]
    # a quarter compared with the one just ended is the one nearest it
    text = "The chipmaker said fourth-quarter revenue would be flat with the third quarter."
    assert values(parse, text, "2011-01-20") == ["2010-Q4", "2010-Q3"]
    # in October the fourth quarter is the current one and the third the one just ended
    assert values(parse, "The company said fourth-quarter earnings will rise.", "2011-10-18") == ["2011-Q4"]
    assert values(parse, "The company said third-quarter results will be released soon.", "2011-10-18") == ["2011-Q3"]
    # without results, a quarter ahead is a forecast; a fiscal quarter ending ahead is still running
    assert values(parse, "Analysts expect the economy to slow in the fourth quarter.", "2011-01-20") == ["2011-Q4"]
    text = "The company expects earnings for its fourth quarter ending April 30 to rise."
    assert values(parse, text, "2011-02-10") == ["2011-Q4", "2011-04-30"]
    # a quarter told in the past is no frame for one told in the future
    text = "Shipments, which had been planned for the third quarter, will now begin in the second quarter."
    assert [v for v in values(parse, text, "2011-02-10") if "Q" in v] == ["2010-Q3", "2011-Q2"]


def test_a_headline_infinitive_is_a_plan(parse: Parse) -> None:
    # "X to <verb>" with no verb above it is how headlines write what is to come
    assert values(parse, "Apple to unveil new tablet on Wednesday", "2011-03-08") == ["2011-03-09"]
    assert values(parse, "Navy ship to sail to the city in August", "2009-03-29") == ["2009-08"]
    # a sentence with its full stop and a verb of its own keeps the past
    assert values(parse, "The decision to close the plant on Friday angered workers.", "2011-03-08") == ["2011-03-04"]


def test_a_month_whose_results_are_still_to_come_is_the_month_just_ended(parse: Parse) -> None:
    assert values(parse, "Carmakers will report December sales on Tuesday.", "2011-01-04") == ["2010-12", "2011-01-04"]
    assert values(parse, "The company will open a plant in December.", "2011-01-04") == ["2011-12"]


def test_an_infinitive_of_a_verb_that_happens_with_it_takes_its_tense(parse: Parse) -> None:
    # published Tuesday 16 September 2008
    assert values(parse, "The bank failed to find a buyer over the weekend.", "2008-09-16") == ["2008-W37-WE"]
    assert values(parse, "The bank will try to find a buyer by Friday.", "2008-09-16") == ["2008-09-19"]


def test_the_full_year_told_in_the_past_early_in_a_year_is_the_year_before(parse: Parse) -> None:
    assert values(parse, "For the full year, sales dropped 18 percent.", "2009-02-20") == ["2008"]
    assert values(parse, "Sales for the year fell 18 percent.", "2009-01-05") == ["2008"]
    # later in the year, "the year" after January, or a plan: this year
    assert values(parse, "Sales for the year fell 18 percent.", "2009-02-20") == ["2009"]
    assert values(parse, "For the full year, sales dropped 18 percent.", "2009-06-20") == ["2009"]
    assert values(parse, "Sales will fall for the full year.", "2009-01-05") == ["2009"]
    assert values(parse, "Shares have risen 40 percent since the start of the year.", "2009-01-28") == ["2009"]


def test_an_infinitive_of_an_agreement_or_promise_lies_ahead(parse: Parse) -> None:
    # published Tuesday 16 September 2008
    assert values(parse, "They agreed to meet on Friday.", "2008-09-16") == ["2008-09-19"]
    assert values(parse, "They had agreed to meet on Friday but the talks collapsed.", "2008-09-16") == ["2008-09-12"]
