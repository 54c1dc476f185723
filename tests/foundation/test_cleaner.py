from tidings.article.clean import clean_text
from tidings.article.dates import date_from_url, find_date

PAGE = (
    "Floods cut the coastal road, officials say\n\n"
    "\u00a0 3 March 2023\u00a0 \u00a0  Views: 912\n"
    " Floods cut the coastal road, officials say\n\n"
    "Heavy rain closed the road on Thursday.\u00a0Crews were sent.\n\n"
    "Share\n\n"
    "Residents were told to stay home.\n\n"
    "More about:\nweather floods\n"
)


def test_title_dateline_and_furniture() -> None:
    c = clean_text(PAGE)
    assert c.title == "Floods cut the coastal road, officials say"
    assert c.dateline is not None and c.dateline.isoformat() == "2023-03-03"
    assert "Views: 912" not in c.text
    assert "More about" not in c.text and "weather floods" not in c.text
    assert "Share" not in c.text
    assert c.text.count("Floods cut the coastal road") == 1


def test_inner_characters_are_kept() -> None:
    c = clean_text(PAGE)
    assert "Thursday.\u00a0Crews" in c.text
    assert c.text.startswith(c.title or "")
    assert "\n\nHeavy rain closed the road" in c.text


def test_dateline_inside_a_real_sentence_is_not_dropped() -> None:
    text = "Talks resume\n\nOn 4 May 2022 the two delegations met in Geneva for talks.\n"
    c = clean_text(text)
    assert "On 4 May 2022 the two delegations met" in c.text


def test_find_date_forms() -> None:
    assert str(find_date("Posted 26 February 2021, 14:00")) == "2021-02-26"
    assert str(find_date("February 26, 2021")) == "2021-02-26"
    assert str(find_date("Sept. 3 2019")) == "2019-09-03"
    assert str(find_date("2020-11-10T08:00")) == "2020-11-10"
    assert find_date("31 February 2021") is None
    assert find_date("no date here") is None
    assert str(date_from_url("https://x.example/news/2019/07/04/story")) == "2019-07-04"


def test_a_wire_dateline_opening_a_long_lead_is_the_dateline() -> None:
    lead = ("WASHINGTON, Feb. 9, 2007 -- A Pentagon office that wrote its own analysis of the war undercut the "
            "agencies, according to a report released on Thursday by the department's inspector general.")
    c = clean_text("Report faults office\n\n" + lead + "\n")
    assert c.dateline is not None and c.dateline.isoformat() == "2007-02-09"
    assert lead in c.text


def test_a_story_sentence_with_a_date_near_the_top_is_no_dateline() -> None:
    for first in ("On Sept. 11, 2001, hijackers crashed two planes into the towers.",
                  "The company, which opened its first store on June 1, 1998, now has 400.",
                  "On 4 May 2022 the two delegations met in Geneva for talks."):  # fmt: skip
        assert clean_text("A headline\n\n" + first + "\n").dateline is None, first
    byline = clean_text("A headline\n\nBy Jane Roe and John Doe, Reuters | March 3, 2021 4:15 PM EST\n\nBody text.\n")
    assert byline.dateline is not None and byline.dateline.isoformat() == "2021-03-03"
