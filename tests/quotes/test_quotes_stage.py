"""The quote stage on sentences written for these tests (parsed by the spaCy model once)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.contract import to_record, validate
from tidings.model import Article, Quote
from tidings.pipeline import DEFAULT_STAGES
from tidings.quotes.stage import QuoteStage

pytestmark = pytest.mark.model
Parse = Callable[[str], Article]


def quotes(parse: Parse, text: str) -> tuple[Quote, ...]:
    return QuoteStage()(parse(text)).quotes


def find(qs: tuple[Quote, ...], start: str) -> Quote:
    hits = [q for q in qs if q.span.text.startswith(start) or q.span.text.startswith("that " + start)]
    assert hits, [q.span.text for q in qs]
    return hits[0]


def test_default_order() -> None:
    assert DEFAULT_STAGES.index("nlp") < DEFAULT_STAGES.index("quotes")


def test_trailing_attribution_with_pronoun(parse: Parse) -> None:
    text = (
        "Senator Helen Marsh visited the flooded valley on Tuesday.\n\n"
        "“We will rebuild every bridge in this county,” she said."
    )
    q = find(quotes(parse, text), "We will rebuild")
    assert q.kind == "direct"
    assert q.span.text == "We will rebuild every bridge in this county,"
    assert q.speaker is not None and q.speaker.span.text == "she"
    assert q.speaker.canonical == "Helen Marsh"
    assert q.cue is not None and q.cue.text == "said"


def test_inverted_attribution_names_speaker(parse: Parse) -> None:
    text = "“The dam is safe and the water level is falling,” said Peter Okonjo, the district engineer."
    q = find(quotes(parse, text), "The dam is safe")
    assert q.speaker is not None and q.speaker.canonical == "Peter Okonjo"


def test_colon_introduces_quote(parse: Parse) -> None:
    text = "The mayor, Lucia Ferrante, told reporters: “Nobody will be left without shelter tonight.”"
    q = find(quotes(parse, text), "Nobody will be left")
    assert q.speaker is not None and "Ferrante" in (q.speaker.canonical or q.speaker.span.text)
    assert q.cue is not None and q.cue.text == "told"


def test_split_quote_keeps_speaker_for_both_halves(parse: Parse) -> None:
    text = '"We came here to help the farmers," Daniel Whitby said, "and we will stay until the harvest is in."'
    qs = quotes(parse, text)
    first, second = find(qs, "We came here"), find(qs, "and we will stay")
    for q in (first, second):
        assert q.speaker is not None and q.speaker.canonical == "Daniel Whitby"


def test_unclosed_quote_is_cut_at_attribution(parse: Parse) -> None:
    text = (
        '"I am sure that the negotiations will succeed before the winter, Prime Minister Ana Kovac said '
        "on Monday at a meeting with students.\n\nThe meeting lasted two hours."
    )
    q = find(quotes(parse, text), "I am sure")
    assert q.span.text.endswith("before the winter")
    assert q.speaker is not None and q.speaker.canonical == "Ana Kovac"


def test_mismatched_marks_and_role_noun(parse: Parse) -> None:
    text = (
        "President Tomas Varga opened the new hospital on Friday.\n\n"
        '"The hospital will serve the whole region. It was built in two years ”, the President added.'
    )
    q = find(quotes(parse, text), "The hospital will serve")
    assert q.span.text.endswith("in two years")
    assert q.speaker is not None and q.speaker.canonical == "Tomas Varga"


def test_quote_continued_in_next_paragraph_keeps_speaker(parse: Parse) -> None:
    text = (
        "Maria Lopez, the union leader, spoke first.\n\n"
        "“The workers have waited long enough for a fair contract,” Lopez said. “We asked for very little.\n\n"
        "“Now we will ask for more, and we will not stop.”"
    )
    q = find(quotes(parse, text), "Now we will ask")
    assert q.speaker is not None and q.speaker.canonical == "Maria Lopez"


def test_indirect_speech_with_and_without_that(parse: Parse) -> None:
    text = (
        "The Health Ministry said that the vaccine would arrive next month. "
        "Dr. Sara Bloom warned the hospitals were running out of beds."
    )
    qs = quotes(parse, text)
    a = find(qs, "the vaccine would arrive")
    assert a.kind == "indirect" and a.speaker is not None and a.speaker.canonical == "Health Ministry"
    b = find(qs, "the hospitals were running")
    assert b.kind == "indirect" and b.speaker is not None and b.speaker.canonical == "Sara Bloom"
    assert b.cue is not None and b.cue.text == "warned"


def test_according_to(parse: Parse) -> None:
    text = "According to the World Weather Agency, the drought will last another year."
    q = find(quotes(parse, text), "the drought will last")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "According to"
    assert q.speaker is not None and q.speaker.canonical == "World Weather Agency"


def test_according_to_an_agreement_is_no_quote(parse: Parse) -> None:
    # "according to the agreement" says what the agreement stipulates, not what someone said
    text = "According to the agreement, the rebels handed over the northern district to the army last week."
    assert quotes(parse, text) == ()


def test_told_reporters(parse: Parse) -> None:
    text = "Coach Ben Adler told reporters that his team was ready for the final."
    q = find(quotes(parse, text), "his team was ready")
    assert q.speaker is not None and q.speaker.canonical == "Ben Adler"


def test_acronym_speaker_gets_full_name(parse: Parse) -> None:
    text = (
        "The International Labour Organization published a report on Monday. "
        "The ILO said that unemployment among young people had doubled."
    )
    q = find(quotes(parse, text), "unemployment among young")
    assert q.speaker is not None and q.speaker.canonical == "International Labour Organization"


def test_records_validate(parse: Parse) -> None:
    text = '"We came to help," she said. According to the report, prices rose by half.'
    art = QuoteStage()(parse(text))
    rec = to_record(art)
    validate(rec)
    assert len(rec["quotes"]) == 2  # the direct quote and the "according to" attribution
    assert all(q["text"] == text[q["start"] : q["end"]] for q in rec["quotes"])


def test_dash_attribution(parse: Parse) -> None:
    text = "“The new bridge has changed how we live in this town.” ― Marta Solberg\n\nOther readers disagreed."
    q = find(quotes(parse, text), "The new bridge")
    assert q.speaker is not None and q.speaker.canonical == "Marta Solberg"


def test_name_and_colon(parse: Parse) -> None:
    text = "Asked about the strike, the answer was short. Kowalski: “We will go back to work on Monday.”"
    q = find(quotes(parse, text), "We will go back")
    assert q.speaker is not None and q.speaker.span.text == "Kowalski"
    assert q.cue is not None and q.cue.text == ":"


def test_relative_pronoun_speaker_keeps_its_span(parse: Parse) -> None:
    text = "Greta Holm, who said the factory would close in March, left the meeting early."
    q = find(quotes(parse, text), "the factory would close")
    assert q.speaker is not None and q.speaker.span.text == "who"
    assert q.speaker.canonical == "Greta Holm"


def test_reported_object_is_a_claim(parse: Parse) -> None:
    text = "The airline denied the accusations of the pilots' union on Tuesday."
    q = find(quotes(parse, text), "the accusations")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "denied"


def test_cue_inside_a_quotation_does_not_attribute_it(parse: Parse) -> None:
    text = (
        "Martin Osei spoke after the vote.\n\n"
        '"It was a fair result," Osei said. "I think the council has chosen well, and I believe we will all benefit."'
    )
    q = find(quotes(parse, text), "I think the council")
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.canonical == "Martin Osei"


def test_scare_quotes_and_titles_are_not_speech(parse: Parse) -> None:
    text = "The so-called “reform” was discussed on “Meet the Voters” last night by the panel."
    assert [q for q in quotes(parse, text) if q.kind == "direct"] == []


def test_empty_article_gets_no_quotes() -> None:
    art = Article(id="e", source="t", text="")
    assert QuoteStage()(art).quotes == ()


def test_called_for_and_endorsed(parse: Parse) -> None:
    qs = quotes(parse, "The farmers' union called for an inquiry into the water prices. Mayor Ruth Olsen endorsed Hartley.")
    q = find(qs, "an inquiry into")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "called"
    e = find(qs, "Hartley")
    assert e.speaker is not None and e.speaker.canonical == "Ruth Olsen"


def test_addressee_is_not_the_claim(parse: Parse) -> None:
    qs = quotes(parse, "The gang threatened the shopkeeper. Police urged residents to stay indoors.")
    assert not any(q.span.text.startswith("the shopkeeper") for q in qs)
    assert not any(q.span.text == "residents" for q in qs)


def test_unattributed_quotation_is_warned(parse: Parse) -> None:
    art = QuoteStage()(parse("The crowd grew quiet.\n\n“Nobody here wants another winter like the last one.”"))
    assert [q.speaker for q in art.quotes] == [None]
    assert [w.code for w in art.warnings] == ["quote-no-speaker"]
    assert art.warnings[0].span == art.quotes[0].span


def test_speaker_span_covers_the_whole_name(parse: Parse) -> None:
    q = find(quotes(parse, "The Ministry of Coastal Affairs said that two ferries had sunk."), "two ferries")
    assert q.speaker is not None
    assert q.speaker.span.text == "The Ministry of Coastal Affairs"
    assert q.speaker.canonical == "Ministry of Coastal Affairs"


def test_embedded_quotation_takes_the_subject_of_its_verb(parse: Parse) -> None:
    text = (
        "Nora Vance met the workers on Monday. Later the union leader Tomas Brandt took a swipe at "
        "“the managers who never set foot on the factory floor.”"
    )
    q = find(quotes(parse, text), "the managers who never")
    assert q.speaker is not None and q.speaker.canonical == "Tomas Brandt"


def test_verb_and_adverb_before_colon(parse: Parse) -> None:
    text = "Critics attacked the plan. Helga Strand fired back forcefully: “The plan will save the valley.”"
    q = find(quotes(parse, text), "The plan will save")
    assert q.speaker is not None and q.speaker.canonical == "Helga Strand"
