"""Rules added after the first pass: deadlines, seasons named with "last", vague centuries."""

from __future__ import annotations

from dataclasses import replace

from timex_helpers import Spec, article, one, parsed, times

from tidings.model import Article, Sentence
from tidings.timex.extract import find_times


def with_lemmas(words: list[Spec], lemmas: dict[int, str], published: str) -> Article:
    a = parsed(words, published)
    return replace(a, tokens=tuple(replace(t, lemma=lemmas.get(t.i, t.lemma)) for t in a.tokens))


def test_for_centuries_is_a_vague_count_of_centuries() -> None:
    t = one("The fortress guarded the pass for centuries.")
    assert (t.type, t.value) == ("DURATION", "PXC")


def test_last_season_is_the_latest_one_that_is_over() -> None:
    assert one("The walkout began last spring.", published="2023-10-12").value == "2023-SP"
    assert one("The walkout began last spring.", published="2023-04-12").value == "2022-SP"


def test_this_past_season_is_the_latest_one() -> None:
    assert one("The walkout began this past spring.", published="2023-10-12").value == "2023-SP"


def test_past_verb_moving_a_deadline_until_a_weekday_looks_forward() -> None:
    # published on a Thursday: "postponed until Tuesday" is the coming Tuesday
    a = with_lemmas([("The", "DT", "DET", "det", 1), ("board", "NN", "NOUN", "nsubj", 2),
                     ("postponed", "VBD", "VERB", "ROOT", 2), ("the", "DT", "DET", "det", 4), ("vote", "NN", "NOUN", "dobj", 2),
                     ("until", "IN", "ADP", "prep", 2), ("Tuesday", "NNP", "PROPN", "pobj", 5)], {2: "postpone"}, "2024-03-14")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-19"


def test_past_clause_up_until_a_weekday_stays_in_the_past() -> None:
    a = parsed([("Until", "IN", "ADP", "prep", 3), ("Monday", "NNP", "PROPN", "pobj", 0), ("nobody", "NN", "PRON", "nsubj", 3),
                ("knew", "VBD", "VERB", "ROOT", 3)], published="2024-03-14")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-11"


def test_present_clause_until_a_weekday_is_a_deadline() -> None:
    a = parsed([("Voters", "NNS", "NOUN", "nsubj", 1), ("have", "VBP", "VERB", "ROOT", 1), ("until", "IN", "ADP", "prep", 1),
                ("Monday", "NNP", "PROPN", "pobj", 2)], published="2024-03-14")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-18"


def test_spelled_out_year_after_a_month_or_a_season() -> None:
    t = one("The archive opened in October nineteen eighty-two.")
    assert (t.value, t.begin, t.end_date) == ("1982-10", "1982-10-01", "1982-10-31")
    assert one("Crops failed in the summer of nineteen seventy-six.").value == "1976-SU"


def test_one_day_after_a_modal_is_the_future() -> None:
    t = one("Engineers say the bridge could one day carry trains.")
    assert (t.type, t.value) == ("DATE", "FUTURE_REF")
    assert one("The strike lasted one day.").value == "P1D"


def test_last_before_an_abbreviated_month_and_day_is_the_date() -> None:
    assert one("The shop burned down last Sept. 14 after a storm.", published="2024-05-02").value == "2023-09-14"


def test_by_a_month_in_a_future_clause_looks_forward() -> None:
    a = parsed([("Ferries", "NNS", "NOUN", "nsubj", 2), ("will", "MD", "AUX", "aux", 2), ("run", "VB", "VERB", "ROOT", 2),
                ("by", "IN", "ADP", "prep", 2), ("September", "NNP", "PROPN", "pobj", 3)], published="2024-02-10")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-09"


def test_two_thousand_years_is_not_the_year_2000() -> None:
    assert all(t.value != "2000" for t in times("The guild kept its secrets for two thousand years."))
    assert one("The bridge opened in two thousand and four.").value == "2004"


def test_the_year_period_in_an_earnings_report_is_the_reported_quarter() -> None:
    t = one("Net income fell from $3 million in the 2019 period.", published="2020-10-28")
    assert (t.value, t.begin, t.end_date) == ("2019-Q3", "2019-07-01", "2019-09-30")


def test_the_next_couple_of_years_is_two_years() -> None:
    assert one("Prices may climb over the next couple of years.").value == "P2Y"


def test_modal_perfect_is_past() -> None:
    # published on a Friday: "may have been ... on Wednesday" is two days before
    a = parsed([("Rain", "NN", "NOUN", "nsubj", 3), ("may", "MD", "AUX", "aux", 3), ("have", "VB", "AUX", "aux", 3),
                ("been", "VBN", "AUX", "ROOT", 3), ("heavy", "JJ", "ADJ", "acomp", 3), ("on", "IN", "ADP", "prep", 3),
                ("Wednesday", "NNP", "PROPN", "pobj", 5)], published="2024-03-15")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-13"


def test_pluperfect_copula_before_due_to_is_past() -> None:
    # "It had been due to open Monday", published on a Wednesday: the Monday just gone
    a = parsed([("It", "PRP", "PRON", "nsubj", 2), ("had", "VBD", "AUX", "aux", 2), ("been", "VBN", "AUX", "ROOT", 2),
                ("due", "JJ", "ADJ", "acomp", 2), ("to", "TO", "PART", "aux", 5), ("open", "VB", "VERB", "xcomp", 3),
                ("Monday", "NNP", "PROPN", "npadvmod", 5)], published="2024-03-13")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-11"


def test_weekday_on_a_simple_present_verb_stays_in_the_past() -> None:
    # a headline tells a past event in the simple present: "Students block the road Monday" (no
    # full stop), published on a Friday; a sentence of the story that does so looks ahead (test_timex_tense)
    a = parsed([("Students", "NNS", "NOUN", "nsubj", 1), ("block", "VBP", "VERB", "ROOT", 1), ("the", "DT", "DET", "det", 3),
                ("road", "NN", "NOUN", "dobj", 1), ("Monday", "NNP", "PROPN", "npadvmod", 1)], published="2024-03-15")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-11"


def test_forward_cue_yields_to_the_pluperfect() -> None:
    # "The offer had been due to expire Friday", published on a Monday: the Friday just gone
    a = parsed([("The", "DT", "DET", "det", 1), ("offer", "NN", "NOUN", "nsubj", 3), ("had", "VBD", "AUX", "aux", 3),
                ("been", "VBN", "AUX", "ROOT", 3), ("due", "JJ", "ADJ", "acomp", 3), ("to", "TO", "PART", "aux", 6),
                ("expire", "VB", "VERB", "xcomp", 4), ("Friday", "NNP", "PROPN", "npadvmod", 6)], published="2024-03-18")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-15"
    assert one("The offer is due to expire Friday.", published="2024-03-18").value == "2024-03-22"


def test_last_month_name_is_the_latest_one_before_this_month() -> None:
    assert one("Two ferries collided last February.", published="2024-03-02").value == "2024-02"
    assert one("Two ferries collided last June.", published="2024-10-20").value == "2024-06"
    assert one("Two ferries collided last March.", published="2024-03-20").value == "2023-03"


def test_since_points_to_the_past_whatever_the_tense() -> None:
    t = one("The index is up 12% since year-end.", published="2023-10-30")
    assert (t.value, t.begin) == ("2022-12-31", "2022-12-31")


def test_the_quarter_ended_a_date_is_the_calendar_quarter_it_mostly_covers() -> None:
    found = times("In the quarter ended July 31, sales rose.", published="2023-10-30")
    assert [t.value for t in found] == ["2023-Q2", "2023-07-31"]
    assert times("For the quarter ended Sept. 30, net fell.", published="2023-10-30")[0].value == "2023-Q3"


def test_first_two_quarters_of_a_year_is_its_first_half() -> None:
    t = one("Demand stays weak through the first two quarters of 2025.")
    assert (t.value, t.begin, t.end_date) == ("2025-H1", "2025-01-01", "2025-06-30")
    assert one("Sales fell in the last two quarters.").value == "P2Q"


def test_plural_weekdays_are_sets() -> None:
    assert one("The museum is closed on Mondays.").value == "XXXX-WXX-1"
    t = one("Ferries sail on Friday evenings.")
    assert (t.type, t.value) == ("SET", "XXXX-WXX-5TEV")


def test_the_week_of_a_date_is_that_iso_week() -> None:
    t = one("The trial opens the week of 6 March 2023.")
    assert (t.value, t.begin, t.end_date) == ("2023-W10", "2023-03-06", "2023-03-12")


def test_the_day_before_a_weekday() -> None:
    # published on Thursday 2024-03-14: last Tuesday is the 12th, the day before it the 11th
    assert one("They met the day before last Tuesday.", published="2024-03-14").value == "2024-03-11"
    assert one("They met the day after last Tuesday.", published="2024-03-14").value == "2024-03-13"


def test_part_of_day_before_yesterday_or_tomorrow() -> None:
    t = one("Shares slid at mid-afternoon yesterday.", published="2024-03-14")
    assert (t.type, t.value) == ("TIME", "2024-03-13TAF")


def test_then_current_is_the_past() -> None:
    assert one("Holders got 50% of the then-current price.").value == "PAST_REF"


def test_a_quoted_title_is_not_a_time() -> None:
    assert times('The minister told the talk show "This Week" that talks had failed.') == []
    assert one('She said: "This week we start again."').value == "2021-W08"


def test_quoted_programme_names_are_not_weeks() -> None:
    assert [t.value for t in times("He hosts \u201cLast Week With Anna\u201d on Sundays.")] == ["XXXX-WXX-7"]


def test_future_weekday_named_on_that_weekday_is_the_same_day() -> None:
    # a wire story dated Sunday 2024-03-17: "will stay through Sunday" is that day
    a = parsed([("Troops", "NNS", "NOUN", "nsubj", 2), ("will", "MD", "AUX", "aux", 2), ("stay", "VB", "VERB", "ROOT", 2),
                ("through", "IN", "ADP", "prep", 2), ("Sunday", "NNP", "PROPN", "pobj", 3)], published="2024-03-17")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-17"


def test_a_weekday_on_a_verb_of_planning_looks_forward() -> None:
    # published on a Wednesday: "has scheduled a vote Thursday" is the next day
    a = with_lemmas([("The", "DT", "DET", "det", 1), ("council", "NN", "NOUN", "nsubj", 3), ("has", "VBZ", "AUX", "aux", 3),
                     ("scheduled", "VBN", "VERB", "ROOT", 3), ("a", "DT", "DET", "det", 5), ("vote", "NN", "NOUN", "dobj", 3),
                     ("Thursday", "NNP", "PROPN", "npadvmod", 3)], {3: "schedule"}, "2024-03-13")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-14"
    a = with_lemmas([("The", "DT", "DET", "det", 1), ("union", "NN", "NOUN", "nsubj", 2), ("plans", "VBZ", "VERB", "ROOT", 2),
                     ("to", "TO", "PART", "aux", 4), ("strike", "VB", "VERB", "xcomp", 2), ("Monday", "NNP", "PROPN", "npadvmod", 4)],
                    {2: "plan"}, "2024-03-13")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-18"


def test_a_plan_already_overtaken_keeps_the_past() -> None:
    # "A march planned for Saturday was cancelled": the participle does not move the date
    a = with_lemmas([("A", "DT", "DET", "det", 1), ("march", "NN", "NOUN", "nsubjpass", 6), ("planned", "VBN", "VERB", "acl", 1),
                     ("for", "IN", "ADP", "prep", 2), ("Saturday", "NNP", "PROPN", "pobj", 3), ("was", "VBD", "AUX", "auxpass", 6),
                     ("cancelled", "VBN", "VERB", "ROOT", 6)], {2: "plan"}, "2024-03-13")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-09"
    a = with_lemmas([("The", "DT", "DET", "det", 1), ("council", "NN", "NOUN", "nsubj", 3), ("had", "VBD", "AUX", "aux", 3),
                     ("scheduled", "VBN", "VERB", "ROOT", 3), ("a", "DT", "DET", "det", 5), ("vote", "NN", "NOUN", "dobj", 3),
                     ("Thursday", "NNP", "PROPN", "npadvmod", 3)], {3: "schedule"}, "2024-03-13")  # fmt: skip
    assert find_times(a)[0][0].value == "2024-03-07"


def test_year_ago_period_after_a_forecast_quarter_compares_with_the_quarter_reported() -> None:
    found = times("Profit rose in the third quarter and should rise again in the first quarter of 2026. "
                  "In the year-ago period, the bakery earned $2 million.", published="2025-10-20")  # fmt: skip
    assert [t.value for t in found] == ["2025-Q3", "2026-Q1", "2024-Q3"]


def test_comparable_year_ago_quarter_is_a_year_back() -> None:
    assert one("In the comparable year-ago quarter, the bakery lost $3 million.", published="2025-10-20").value == "2024-Q3"


def test_the_quarter_after_a_numbered_quarter_is_that_quarter() -> None:
    found = times("The brewer earned $9 million in its fiscal second quarter. Sales in the quarter rose 4%.",
                  published="2025-10-20")  # fmt: skip
    assert [t.value for t in found] == ["2025-Q2", "2025-Q2"]
    assert found[1].anchor == "previous-time"
    # a quarter named for a comparison a year back, or one still to come, is not what "the quarter" reports
    found = times("Profit fell from the third quarter of 2024. In the latest quarter, sales rose.", published="2025-10-20")
    assert [t.value for t in found] == ["2024-Q3", "2025-Q3"]
    found = times("Sales should recover in the fourth quarter. In the quarter, they fell.", published="2025-10-20")
    assert [t.value for t in found] == ["2025-Q4", "2025-Q3"]


def test_hour_in_the_morning_or_afternoon_is_a_clock_time() -> None:
    assert one("The convoy left at 4 in the morning.", published="2024-05-02").value == "2024-05-02T04:00"
    assert one("The vote closed at 5 o'clock in the afternoon.", published="2024-05-02").value == "2024-05-02T17:00"


def test_mid_part_of_day_is_a_time_on_the_day_just_told() -> None:
    found = times("The strike began on May 3. By mid-afternoon, the port was closed.", published="2024-05-06")
    assert [(t.type, t.value, t.anchor) for t in found] == [
        ("DATE", "2024-05-03", "published"), ("TIME", "2024-05-03TAF", "previous-time")]  # fmt: skip
    assert one("By mid afternoon, the port was closed.", published="2024-05-06").value == "2024-05-06TAF"


def test_year_after_pre_or_post_is_that_year() -> None:
    assert one("The post-1959 government seized the mills.").value == "1959"
    assert one("Pre-2008 loans were repaid.").value == "2008"


def test_month_after_the_is_a_month_unless_a_name_follows() -> None:
    assert one("The March accession lets the three states vote.", published="2024-05-02").value == "2024-03"
    assert times("The May Department Stores rose.") == []


def test_a_year_earlier_after_the_nine_months_is_the_year_not_the_quarter() -> None:
    found = times("Net rose in the third quarter from a year earlier. For the nine months, net fell from $5 million "
                  "a year earlier.", published="2025-10-20")  # fmt: skip
    assert [t.value for t in found] == ["2025-Q3", "2024-Q3", "P9M", "2024"]


def test_a_year_earlier_in_a_sentence_with_a_written_date_is_that_day_a_year_before() -> None:
    found = times("For the six months ended Aug. 12, the grocer earned $6 million, against $18 million a year earlier.",
                  published="2025-10-20")  # fmt: skip
    assert [(t.value, t.anchor) for t in found] == [("P6M", "none"), ("2025-08-12", "published"), ("2024-08-12", "previous-time")]
    # the date must be in the same sentence
    text = "The grocer reported on Aug. 12. It earned $18 million a year earlier."
    cut = text.index("It")
    two = replace(article(text, "2025-10-20"), sentences=(Sentence(0, cut - 1, 0, 0), Sentence(cut, len(text), 0, 0)))
    assert find_times(two)[0][-1].value == "2024"


def test_half_of_a_decade_is_one_time_valued_as_the_decade() -> None:
    t = one("Sales were flat in the last half of the '80s.", published="1989-11-02")
    assert (t.span.text, t.value, t.begin, t.end_date) == ("the last half of the '80s", "198", "1985-01-01", "1989-12-31")
    t = one("Prices rose in the first half of the 1990s.")
    assert (t.value, t.begin, t.end_date) == ("199", "1990-01-01", "1994-12-31")


def test_every_n_units_is_a_set_of_that_period() -> None:
    assert [(t.span.text, t.type, t.value) for t in times("Elections are held every two years.")] == [
        ("every two years", "SET", "P2Y")]  # fmt: skip
    assert one("Inspectors come every three days.").value == "P3D"


def test_a_vague_stretch_from_the_word_list_is_a_duration() -> None:
    t = one("Talks will resume in the coming weeks.")
    assert (t.type, t.value, t.begin) == ("DURATION", "PXW", None)
    assert one("Fighting eased in recent months.").type == "DURATION"
    assert one("He said so in the past.").type == "DATE"  # PAST_REF


def test_n_units_later_counts_from_the_last_date_at_its_own_grain() -> None:
    found = times("He moved there in 2005. Two years later, he died.", published="2011-03-16")
    assert [(t.value, t.anchor) for t in found] == [("2005", "none"), ("2007", "previous-time")]
    found = times("The bomb went off on March 3. Two hours later, a second blast followed.", published="2011-03-16")
    assert found[1].value == "2011-03-03"  # hours do not move the day


def test_n_units_later_with_no_date_to_count_from_is_only_a_length() -> None:
    t = one("Two years later, he died.", published="2011-03-16")
    assert (t.type, t.value, t.begin) == ("DURATION", "P2Y", None)
    found = times("He left in 2005. Three days later, he came back.", published="2011-03-16")
    assert (found[1].type, found[1].value) == ("DURATION", "P3D")  # a year is too coarse to count days from


def test_midnight_is_the_end_of_the_day_not_mid_night() -> None:
    found = times("The ceasefire signed on 10 November took effect at midnight.")
    assert [(t.type, t.value) for t in found] == [("DATE", "2020-11-10"), ("TIME", "2020-11-10T24:00")]


def test_compact_and_24_hour_clock_times() -> None:
    assert one("The attack began at around 3am local time.").value == "2021-02-26T03:00"
    assert one("The truce expired at 18:00 on Sunday.").value == "2021-02-21T18:00"
    assert times("The home side won 2:1 at the stadium.") == []


def test_day_and_month_with_last_year_keep_the_day() -> None:
    t = one("The offensive began on 27 September last year.")
    assert (t.span.text, t.value) == ("27 September last year", "2020-09-27")
    assert one("It ends on June 1 next year.").value == "2022-06-01"
    assert one("We set out on June 16th of last year.").value == "2020-06-16"


def test_today_and_tomorrow_of_the_age_are_no_days() -> None:
    t = one("The case is for today's youth what the blockade was for their parents.")
    assert (t.value, t.begin) == ("PRESENT_REF", None)
    assert one("Many of today's personal computers use the chip.").value == "PRESENT_REF"
    assert one("If I were choosing the people of tomorrow, I would choose them.").value == "FUTURE_REF"
    assert one("They hope for a better tomorrow.").value == "FUTURE_REF"
    # a day all the same
    assert one("The offer, advertised in today's editions, is due.").value == "2021-02-26"
    assert one("The vote is set for tomorrow.").value == "2021-02-27"


def test_financial_shorthands_for_quarters_halves_and_fiscal_years() -> None:
    assert one("Profit rose in Q3 2020.").value == "2020-Q3"
    assert one("Profit rose in Q3.").value == "2020-Q3"  # a third quarter reported in February: last year's
    assert one("Results for Q4 '20 beat forecasts.").value == "2020-Q4"
    assert one("Sales fell in H1 2020.").value == "2020-H1"
    assert one("Costs rose in FY2020.").value == "2020"
    assert times("The H1N1 virus spread.") == [] and times("He holds an H1 visa.") == []


def _collapsed_on(month: str, day: str, published: str, verb: str = "collapsed", tag: str = "VBD") -> str:
    a = parsed([("The", "DT", "DET", "det", 1), ("bridge", "NN", "NOUN", "nsubj", 2), (verb, tag, "VERB", "ROOT", 2),
                ("on", "IN", "ADP", "prep", 2), (month, "NNP", "PROPN", "pobj", 3), (day, "CD", "NUM", "nummod", 4)], published)  # fmt: skip
    return find_times(a)[0][0].value


def test_a_finished_past_act_on_a_day_after_publication_is_of_the_year_before() -> None:
    # published 5 March 2021: a bridge that collapsed on March 20 fell in 2020
    assert _collapsed_on("March", "20", "2021-03-05") == "2020-03-20"
    # a few days' slack for publication dates that are off the story ("the 8th" in copy dated the 5th)
    assert _collapsed_on("March", "8", "2021-03-05") == "2021-03-08"
    # a noun parsed as a participle ("at sundown April 8") tells nothing finished: the allowance stays
    assert _collapsed_on("March", "20", "2021-03-05", verb="sundown", tag="VBN") == "2021-03-20"


def test_a_past_verb_that_moves_or_plans_keeps_its_date_ahead() -> None:
    a = with_lemmas([("The", "DT", "DET", "det", 1), ("offer", "NN", "NOUN", "nsubjpass", 3), ("was", "VBD", "AUX", "auxpass", 3),
                     ("extended", "VBN", "VERB", "ROOT", 3), ("to", "IN", "ADP", "prep", 3), ("March", "NNP", "PROPN", "pobj", 4),
                     ("20", "CD", "NUM", "nummod", 5)], {3: "extend"}, "2021-03-05")  # fmt: skip
    assert find_times(a)[0][0].value == "2021-03-20"
    a = with_lemmas([("They", "PRP", "PRON", "nsubj", 1), ("decided", "VBD", "VERB", "ROOT", 1), ("to", "TO", "PART", "aux", 3),
                     ("admit", "VB", "VERB", "xcomp", 1), ("them", "PRP", "PRON", "dobj", 3), ("in", "IN", "ADP", "prep", 3),
                     ("April", "NNP", "PROPN", "pobj", 5)], {1: "decide"}, "2021-03-05")  # fmt: skip
    assert find_times(a)[0][0].value == "2021-04"


def test_a_month_after_publication_in_a_finished_past_clause_is_last_years() -> None:
    def fell_in(published: str) -> str:
        a = parsed([("Sales", "NNS", "NOUN", "nsubj", 1), ("fell", "VBD", "VERB", "ROOT", 1), ("in", "IN", "ADP", "prep", 1),
                    ("April", "NNP", "PROPN", "pobj", 2)], published)  # fmt: skip
        return find_times(a)[0][0].value

    assert fell_in("2021-03-05") == "2020-04"
    assert fell_in("2021-03-28") == "2021-04"  # within the slack of April's start
    # a cut announced for April is a noun's date, not the past act's: it may lie ahead
    a = parsed([("They", "PRP", "PRON", "nsubj", 1), ("told", "VBD", "VERB", "ROOT", 1), ("of", "IN", "ADP", "prep", 1),
                ("a", "DT", "DET", "det", 4), ("cut", "NN", "NOUN", "pobj", 2), ("in", "IN", "ADP", "prep", 4),
                ("April", "NNP", "PROPN", "pobj", 5)], "2021-03-05")  # fmt: skip
    assert find_times(a)[0][0].value == "2021-04"


def test_wire_copy_four_digit_times_and_local_time_after_a_clock() -> None:
    t = one("Shelling resumed at 1430 GMT.", published="2021-02-26")
    assert (t.span.text, t.type, t.value) == ("1430 GMT", "TIME", "2021-02-26T14:30")
    assert one("Shelling stopped (2100 GMT Saturday).", published="2021-02-26").value == "2021-02-20T21:00"
    t = one("The quake struck at 6 a.m. local time on Sunday.", published="2021-02-26")
    assert (t.span.text, t.value) == ("6 a.m. local time on Sunday", "2021-02-21T06:00")
    assert [x.value for x in times("The 1987 GMT rules changed.")] == ["1987"]  # a year, no clock


def test_a_timetable_in_the_simple_present_looks_forward() -> None:
    # published Friday 26 February 2021
    opens = with_lemmas([("The", "DT", "DET", "det", 1), ("trial", "NN", "NOUN", "nsubj", 2), ("opens", "VBZ", "VERB", "ROOT", 2),
                         ("Monday", "NNP", "PROPN", "npadvmod", 2)], {2: "open"}, "2021-02-26")  # fmt: skip
    assert find_times(opens)[0][0].value == "2021-03-01"
    expected = with_lemmas([("The", "DT", "DET", "det", 1), ("verdict", "NN", "NOUN", "nsubjpass", 3), ("is", "VBZ", "AUX", "auxpass", 3),
                            ("expected", "VBN", "VERB", "ROOT", 3), ("Thursday", "NNP", "PROPN", "npadvmod", 3)], {3: "expect"}, "2021-02-26")  # fmt: skip
    assert find_times(expected)[0][0].value == "2021-03-04"
    # "appears to be" is no timetable; nor is a report in the present ("says")
    seems = with_lemmas([("Aside", "RB", "ADV", "advmod", 4), ("from", "IN", "ADP", "prep", 0), ("Tuesday", "NNP", "PROPN", "pobj", 1),
                         ("he", "PRP", "PRON", "nsubj", 4), ("appears", "VBZ", "VERB", "ROOT", 4), ("to", "TO", "PART", "aux", 6),
                         ("be", "VB", "AUX", "xcomp", 4), ("calm", "JJ", "ADJ", "acomp", 6)], {4: "appear"}, "2021-02-26")  # fmt: skip
    assert find_times(seems)[0][0].value == "2021-02-23"


def test_the_previous_week_month_or_year_counts_from_the_story() -> None:
    a = times("The bill passed on Dec. 3, 2020. The previous week, it had stalled.", published="2021-03-10")
    assert [t.value for t in a] == ["2020-12-03", "2020-W48"]
    assert times("Troops withdrew in March 2019. The previous year, they had come.", published="2021-03-10")[1].value == "2018"
    # with nothing told before, publication is the reference
    assert one("Sales rose in the previous year.", published="2021-03-10").value == "2020"


def _in_the_summer(verb: str, tag: str, published: str, aux: str | None = None) -> str:
    words: list[Spec] = [("In", "IN", "ADP", "prep", 4 if aux else 3), ("the", "DT", "DET", "det", 2), ("summer", "NN", "NOUN", "pobj", 0)]
    if aux:
        words.append((aux, "MD", "AUX", "aux", 4))
    words.append((verb, tag, "VERB", "ROOT", len(words)))
    return find_times(parsed(words, published))[0][0].value


def test_a_season_without_last_or_next_follows_the_tense() -> None:
    assert _in_the_summer("burned", "VBD", "2019-01-08") == "2018-SU"  # written in January of a past summer
    assert _in_the_summer("reopen", "VB", "2019-10-08", aux="will") == "2020-SU"  # written in October of a coming one
    assert _in_the_summer("burned", "VBD", "2019-10-08") == "2019-SU"


def test_a_quarter_not_yet_begun_in_a_past_clause_is_last_years() -> None:
    a = parsed([("It", "PRP", "PRON", "nsubj", 1), ("posted", "VBD", "VERB", "ROOT", 1), ("a", "DT", "DET", "det", 4),
                ("third-quarter", "JJ", "ADJ", "amod", 4), ("loss", "NN", "NOUN", "dobj", 1)], "2019-05-08")  # fmt: skip
    assert find_times(a)[0][0].value == "2018-Q3"


def test_durations_written_in_more_ways() -> None:
    t = one("The lockdown will last four weeks.")  # "last" is the verb here
    assert (t.span.text, t.value) == ("four weeks", "P4W")
    assert one("Prices fell in the last four weeks.").span.text == "the last four weeks"
    assert one("It lasted two and a half years.").value == "P2Y6M"
    assert one("a decades-long feud").value == "PXY"  # not one decade: the article belongs to the noun
    assert one("the centuries-old church").value == "PXC"


def test_numeric_dates_day_first_and_a_weekday_that_names_the_year() -> None:
    assert one("Police came on 22.02.2021.", published="2021-03-01").value == "2021-02-22"
    assert one("Police came on 22/02/2021.", published="2021-03-01").value == "2021-02-22"
    assert one("Police came on 02/03/2021.", published="2021-03-01").value == "2021-02-03"  # month first when it can be
    assert times("Version 3.10.2021.1 shipped.") == []
    # published Friday 26 February 2021: "Monday, Feb. 1" ahead would be 2022, a Tuesday; 1 February 2021 was a Monday
    assert one("Results are due on Monday, Feb. 1.", published="2021-02-26").value == "2021-02-01"


def test_a_fall_that_is_a_collapse_and_a_capitalised_season_in_a_name() -> None:
    assert times("Thousands celebrated the fall of the Berlin Wall.") == []
    assert one("They met in the fall of 1989.").value == "1989-FA"
    assert times("The council funded the Summer Youth Program.") == []


def test_parts_of_a_year_or_month_written_with_of() -> None:
    assert one("Sales fell in the third quarter of the year.", published="2021-11-26").value == "2021-Q3"
    assert one("Sales fell in 2020's first quarter.").value == "2020-Q1"
    assert one("Sales rose in 2020's second half.").value == "2020-H2"
    assert one("Sales fell in the October-December quarter of 2019.").value == "2019-Q4"
    assert one("Sales fell in the Apr.-June quarter.", published="2021-11-26").value == "2021-Q2"
    assert one("Prices rose in the month of April.", published="2021-11-26").value == "2021-04"
    # a week "of" a month is the week mostly inside it (ISO weeks run Monday to Sunday)
    assert one("It stalled in the first week of February 2021.").value == "2021-W05"
    assert one("It stalled in the last week of March 2021.").value == "2021-W12"  # the 31st is a Wednesday
    assert one("It stalled in the second week of January 2020.").value == "2020-W02"


def test_a_date_set_in_the_present_lies_ahead_and_since_never_does() -> None:
    # published 26 February 2021
    set_for = with_lemmas([("The", "DT", "DET", "det", 1), ("vote", "NN", "NOUN", "nsubjpass", 3), ("is", "VBZ", "AUX", "auxpass", 3),
                           ("set", "VBN", "VERB", "ROOT", 3), ("for", "IN", "ADP", "prep", 3), ("Oct.", "NNP", "PROPN", "pobj", 4),
                           ("10", "CD", "NUM", "nummod", 5)], {3: "set"}, "2021-02-26")  # fmt: skip
    assert find_times(set_for)[0][0].value == "2021-10-10"
    is_on = with_lemmas([("The", "DT", "DET", "det", 1), ("election", "NN", "NOUN", "nsubj", 2), ("is", "VBZ", "AUX", "ROOT", 2),
                         ("on", "IN", "ADP", "prep", 2), ("Oct.", "NNP", "PROPN", "pobj", 3), ("10", "CD", "NUM", "nummod", 4)],
                        {2: "be"}, "2021-02-26")  # fmt: skip
    assert find_times(is_on)[0][0].value == "2021-10-10"
    # the date of a noun is no timetable: "faces a count over the March 8 incident"
    faces = with_lemmas([("He", "PRP", "PRON", "nsubj", 1), ("faces", "VBZ", "VERB", "ROOT", 1), ("a", "DT", "DET", "det", 3),
                         ("count", "NN", "NOUN", "dobj", 1), ("over", "IN", "ADP", "prep", 3), ("the", "DT", "DET", "det", 8),
                         ("March", "NNP", "PROPN", "compound", 8), ("8", "CD", "NUM", "nummod", 6), ("incident", "NN", "NOUN", "pobj", 4)],
                        {1: "face"}, "2021-03-30")  # fmt: skip
    assert find_times(faces)[0][0].value == "2021-03-08"
    # "since" looks back only, even from December to a January
    assert one("She has visited 20 countries since January.", published="2022-12-15").value == "2022-01"


def test_black_monday_is_a_name() -> None:
    assert [t.value for t in times("The Black Monday crash of 1987 wiped out fortunes.")] == ["1987"]


def test_said_on_a_weekday_it_would_is_the_day_of_the_saying() -> None:
    # whatever the parse makes of "would sell", the weekday right after "said" is the saying's
    a = parsed([("It", "PRP", "PRON", "nsubj", 1), ("said", "VBD", "VERB", "ccomp", 6), ("on", "IN", "ADP", "prep", 6),
                ("Wednesday", "NNP", "PROPN", "pobj", 2), ("it", "PRP", "PRON", "nsubj", 6), ("would", "MD", "AUX", "aux", 6),
                ("sell", "VB", "VERB", "ROOT", 6)], "2015-07-02")  # fmt: skip
    assert find_times(a)[0][0].value == "2015-07-01"


def test_the_next_day_reaches_past_a_coarser_time_of_publication_to_the_last_day_told() -> None:
    t = times("Gunmen attacked a base on 1 May, the third attack this year. The next day, troops came.", published="2019-05-06")
    assert [x.value for x in t] == ["2019-05-01", "2019", "2019-05-02"]
    # after a year of its own, the day is unknown
    t = times("Gunmen attacked on 1 May. In 2017 they had come. The next day, troops came.", published="2019-05-06")
    assert t[-1].value == "XXXX-XX-XX"


def test_hours_later_move_the_day_by_whole_days() -> None:
    t = times("Gunmen attacked a base on 1 May. The army struck back 72 hours later.", published="2019-05-06")
    assert t[-1].value == "2019-05-04"
    t = times("Gunmen attacked a base on 1 May. Two hours later, the army came.", published="2019-05-06")
    assert t[-1].value == "2019-05-01"


def test_the_next_year_and_the_year_before_count_from_the_story() -> None:
    t = times("Militants attacked a base in 2017. The next year, they came back.", published="2019-05-06")
    assert t[-1].value == "2018"
    t = times("The club was founded in 2010. The year before, it was a team.", published="2019-05-06")
    assert t[-1].value == "2009"
    t = times("Rebels attacked on 1 May. The week before, they had massed.", published="2019-05-06")
    assert t[-1].value == "2019-W17"
    assert one("Prices will rise over the next year.", published="2019-05-06").value == "2020"  # no story: publication


def test_monthly_figures_compare_with_the_same_month_a_year_before() -> None:
    t = times("Exports rose 5% in April from a year ago.", published="2021-05-12")
    assert [x.value for x in t] == ["2021-04", "2020-04"]
    t = times("Sales fell in October from the same month a year earlier.", published="2008-12-31")
    assert [(x.span.text, x.value) for x in t] == [("October", "2008-10"), ("the same month a year earlier", "2007-10")]


def test_speeds_are_no_times_and_rates_after_counted_nouns_are_sets() -> None:
    assert times("Winds reached 195 km per hour.") == []
    assert times("The train ran at 200 kilometres an hour.") == []
    t = one("The field pumps 2 million barrels a day.")
    assert (t.type, t.value) == ("SET", "P1D")


def test_quarters_named_by_their_months() -> None:
    assert one("Profit rose in the September quarter of 2010.").value == "2010-Q3"
    assert one("Sales rose in the April-to-June quarter of 2010.").value == "2010-Q2"
    assert one("Sales rose in the April-June period of 2010.").value == "2010-Q2"


def test_a_range_of_weekdays_keeps_its_ends_in_one_week_and_in_order() -> None:
    # published Tuesday 2 March 2021: "will run from Monday to Wednesday" is 8-10 March, not
    # a coming Monday and then tomorrow
    a = parsed([("Talks", "NNS", "NOUN", "nsubj", 2), ("will", "MD", "AUX", "aux", 2), ("run", "VB", "VERB", "ROOT", 2),
                ("from", "IN", "ADP", "prep", 2), ("Monday", "NNP", "PROPN", "pobj", 3), ("to", "IN", "ADP", "prep", 2),
                ("Wednesday", "NNP", "PROPN", "pobj", 5)], "2021-03-02")  # fmt: skip
    start, end = find_times(a)[0]
    assert (start.value, end.value) == ("2021-03-08", "2021-03-10") and start.range == end.range
    assert start.range is not None and (start.range.begin, start.range.end_date) == ("2021-03-08", "2021-03-10")


def test_a_rate_of_distance_per_day_is_a_set_and_the_next_morning_needs_a_day_nearby() -> None:
    assert one("He can walk 50 miles a day.").type == "SET"
    # a day told three sentences back is too far for "the following morning" after a coarser time
    t = times("Police came on 1 May. It rained. It snowed. In 2017 they left. The following morning, they came.", published="2019-05-06")
    assert t[-1].value.startswith("XXXX")


def test_in_the_evening_is_the_evening_of_the_day_just_told() -> None:
    t = times("On 9 May 2020, in the evening, about 1,000 people rallied.", published="2020-05-10")
    assert [(x.type, x.value) for x in t] == [("DATE", "2020-05-09"), ("TIME", "2020-05-09TEV")]
    assert one("The talks ended in the afternoon.", published="2020-05-10").value == "2020-05-10TAF"
    assert times("Parents stay home during the evening hours.") == []


def test_a_day_something_was_called_for_lies_ahead() -> None:
    # published Tuesday 13 September 2016
    called = with_lemmas([("The", "DT", "DET", "det", 1), ("union", "NN", "NOUN", "nsubj", 2), ("called", "VBD", "VERB", "ROOT", 2),
                          ("a", "DT", "DET", "det", 4), ("strike", "NN", "NOUN", "dobj", 2), ("for", "IN", "ADP", "prep", 4),
                          ("Thursday", "NNP", "PROPN", "pobj", 5)], {2: "call"}, "2016-09-13")  # fmt: skip
    assert find_times(called)[0][0].value == "2016-09-15"


def test_every_season_is_a_set() -> None:
    t = one("The festival takes place every summer.")
    assert (t.type, t.value) == ("SET", "XXXX-SU")


def test_parts_of_last_year_and_that_month() -> None:
    pub = "2023-04-13"
    assert one("Sales fell in the second half of last year.", published=pub).value == "2022-H2"
    assert one("Sales fell in the final quarter of last year.", published=pub).value == "2022-Q4"
    assert one("It rained in the spring of last year.", published=pub).value == "2022-SP"
    assert one("It rained in March of last year.", published=pub).value == "2022-03"
    t = times("Troops invaded in March 2003. That April, the capital fell.", published="2005-10-26")
    assert [x.value for x in t] == ["2003-03", "2003-04"]
    t = times("The drought hit in 1998. That summer, crops failed.", published="2005-10-26")
    assert [x.value for x in t] == ["1998", "1998-SU"]


def test_a_day_after_is_lies_ahead_and_a_clock_in_a_named_zone_keeps_its_day() -> None:
    # published Thursday 13 April 2023; "is" with lemma "be" in the present
    deadline = with_lemmas([("The", "DT", "DET", "det", 1), ("deadline", "NN", "NOUN", "nsubj", 2), ("is", "VBZ", "AUX", "ROOT", 2),
                            ("Friday", "NNP", "PROPN", "attr", 2)], {2: "be"}, "2023-04-13")  # fmt: skip
    assert find_times(deadline)[0][0].value == "2023-04-14"
    t = one("Troops crossed at 6 a.m. Moscow time on Thursday.", published="2022-02-25")
    assert (t.span.text, t.value) == ("6 a.m. Moscow time on Thursday", "2022-02-24T06:00")


def test_theresa_may_is_no_month() -> None:
    for text in ("The vote came after May triggered the exit.", "It was a blow to May, who lost.",
                 "The deal was welcomed by May and Juncker."):  # fmt: skip
        assert times(text) == [], text
    assert [x.value for x in times("Prices rose in May and June.", published="2023-08-01")] == ["2023-05", "2023-06"]


def test_as_planned_keeps_the_tense_of_its_clause_and_a_second_coming_day_follows_the_first() -> None:
    # published Wednesday 31 October 2012: "will go ahead as planned on Sunday" is 4 November
    a = parsed([("It", "PRP", "PRON", "nsubj", 2), ("will", "MD", "AUX", "aux", 2), ("go", "VB", "VERB", "ROOT", 2),
                ("as", "IN", "SCONJ", "mark", 4), ("planned", "VBN", "VERB", "advcl", 2), ("on", "IN", "ADP", "prep", 4),
                ("Sunday", "NNP", "PROPN", "pobj", 5)], "2012-10-31")  # fmt: skip
    assert find_times(a)[0][0].value == "2012-11-04"
    t = times("Leaders meet next Thursday and Friday.", published="2017-12-08")
    assert [x.value for x in t] == ["2017-12-14", "2017-12-15"]


def test_by_the_end_of_the_month_in_a_story_is_the_storys_month() -> None:
    t = times("The protests began in early July. By the end of the month, 200 people had been killed.", published="2024-08-07")
    assert [x.value for x in t] == ["2024-07", "2024-07"]
    assert one("Sales will pick up by the end of the month.", published="2024-08-07").value == "2024-08"


def test_a_year_in_review_written_in_late_december_looks_back() -> None:
    fell = parsed([("It", "PRP", "PRON", "nsubj", 1), ("happened", "VBD", "VERB", "ROOT", 1), ("in", "IN", "ADP", "prep", 1),
                   ("January", "NNP", "PROPN", "pobj", 2)], "2020-12-28")  # fmt: skip
    assert find_times(fell)[0][0].value == "2020-01"
    assert _collapsed_on("January", "2", "2020-12-28") == "2020-01-02"
    went = parsed([("It", "PRP", "PRON", "nsubj", 1), ("broke", "VBD", "VERB", "ROOT", 1), ("out", "RP", "ADP", "prt", 1),
                   ("in", "IN", "ADP", "prep", 1), ("January", "NNP", "PROPN", "pobj", 3), ("and", "CC", "CCONJ", "cc", 1),
                   ("went", "VBD", "VERB", "conj", 1), ("on", "RP", "ADP", "prt", 6), ("until", "IN", "ADP", "prep", 6),
                   ("March", "NNP", "PROPN", "pobj", 8)], "2020-12-28")  # fmt: skip
    assert [x.value for x in find_times(went)[0]] == ["2020-01", "2020-03"]  # "until March" follows the January told


def test_world_english_of_police_and_army_releases() -> None:
    pub = "2021-03-16"
    t = times("The protest began at 1500hrs and ended at 1830 hrs.", published=pub)
    assert [(x.span.text, x.type, x.value) for x in t] == [("1500hrs", "TIME", "2021-03-16T15:00"), ("1830 hrs", "TIME", "2021-03-16T18:30")]
    assert one("As of 1800 hrs on 14 March, 20 were dead.", published=pub).value == "2021-03-14T18:00"
    assert one("He got 1500 hours of community service.", published=pub).type == "DURATION"
    assert one("The gunfight lasted 2 hrs.", published=pub).value == "PT2H"
    assert one("He left three days back.", published="2021-02-26").value == "2021-02-23"
    assert one("Police came day before yesterday.", published="2021-02-26").value == "2021-02-24"
    assert one("The raid took place on Monday last.", published="2021-02-22").value == "2021-02-15"
    assert one("Police arrived around midnight on February 23.", published="2021-02-26").value == "2021-02-23T24:00"
    for text in ("He paid 2000 rupees.", "He paid Rs 2000 to them.", "At least 1999 deaths were recorded.",
                 "A total of 2015 households fled.", "He scored in the second half of the match."):  # fmt: skip
        assert times(text) == [], text
    assert one("Prices rose in the second half of August.", published="2021-03-02").value == "2020-08"


def test_since_runs_to_publication() -> None:
    t = one("Prices rose since the beginning of the year.", published="2021-02-26")
    assert (t.begin, t.end_date) == ("2021-01-01", "2021-02-26")


def test_a_year_before_a_possessive_noun_is_still_a_year() -> None:
    assert one("They cited the 1968 sanitation workers' strike.").value == "1968"
    assert [x.value for x in times("It crashed on a Thursday last October.", published="2009-03-21")] == ["2009-03-19", "2008-10"]


def test_a_numeric_date_that_would_lie_ahead_of_a_past_act_is_day_first() -> None:
    fired = parsed([("It", "PRP", "PRON", "nsubj", 1), ("came", "VBD", "VERB", "ROOT", 1), ("on", "IN", "ADP", "prep", 1),
                    ("12/03/2021", "CD", "NUM", "pobj", 2)], "2021-03-13")  # fmt: skip
    assert find_times(fired)[0][0].value == "2021-03-12"  # not 3 December, nine months ahead
    assert one("The vote is on 05-08-2019.", published="2019-04-01").value == "2019-05-08"  # month first when it can be


def test_the_intervening_night_of_two_days_starts_on_the_first() -> None:
    t = one("Militants attacked on the intervening night of 4 and 5 May.", published="2019-05-07")
    assert (t.span.text, t.value, t.begin, t.end_date) == ("4 and 5 May", "2019-05-04", "2019-05-04", "2019-05-05")
    assert one("It happened on the night of 23/24 February.", published="2019-05-07").value == "2019-02-23"


def test_a_day_of_this_or_last_month_and_the_year_named_in_full() -> None:
    assert one("The match was played on the 3rd of this month.", published="2013-07-20").value == "2013-07-03"
    assert one("He was arrested on the 28th of last month.", published="2013-07-20").value == "2013-06-28"
    t = one("In the year 2020, prices rose.", published="2021-06-01")
    assert (t.span.text, t.value) == ("the year 2020", "2020")


def test_a_wire_dateline_a_day_before_publication_is_the_stories_today() -> None:
    text = "Five killed in raid\n\nNew Delhi, February 26 (PTI): The Army today said five militants were killed."
    assert [x.value for x in times(text, published="2021-02-27")] == ["2021-02-26", "2021-02-26"]
    # a dateline far from publication is not trusted over it
    text = "Raid\n\nNew Delhi, January 3 (PTI): The Army today said five militants were killed."
    assert times(text, published="2021-02-27")[-1].value == "2021-02-27"


def test_the_month_is_the_month_told_of_not_that_of_the_day_it_was_told() -> None:
    t = times("Prices rose 0.6 percent in October, the biggest rise since May, officials said on Tuesday. "
              "Energy costs jumped during the month.", published="2004-11-17")  # fmt: skip
    assert [(x.span.text, x.value) for x in t][-1] == ("the month", "2004-10")
    t = times("The jobless rate rose to 6.7 percent in November, officials said on Friday. "
              "It was 6.5 percent the previous month.", published="2008-12-05")  # fmt: skip
    assert t[-1].value == "2008-10"
    assert times("Sales will rise this month.", published="2008-12-05")[0].value == "2008-12"
