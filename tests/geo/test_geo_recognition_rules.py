"""Recognition rules: titles of address, party labels, admin prefixes, datelines, given names."""

from __future__ import annotations

from typing import Any

from tidings.model import Place


def texts(stage: Any, article: Any) -> list[str]:
    (out,) = stage.process([article])
    places: tuple[Place, ...] = out.places
    return [p.span.text for p in places]


def test_name_after_a_title_of_address_is_a_person(stage: Any, article_of: Any) -> None:
    text = "Visitors in Richmond met Mrs. Lincoln at noon. Later Lincoln read to the children."
    art = article_of(text, ("Richmond", "GPE"), ("Lincoln", "PERSON"), ("Lincoln", "GPE"))
    assert texts(stage, art) == ["Richmond"]


def test_party_label_names_the_state(stage: Any, article_of: Any) -> None:
    text = "The amendment came from Rep. Jane Roe, D-Ga., on Tuesday."
    art = article_of(text, ("Jane Roe", "PERSON"))
    (out,) = stage.process([art])
    (p,) = out.places
    assert p.span.text == "Ga." and p.admin1 == "Georgia"


def test_admin_unit_is_cut_out_of_a_longer_capitalised_run(stage: Any, article_of: Any) -> None:
    text = "The report reached Ward County Sheriff Tom Hale on Friday."
    art = article_of(text, ("Tom Hale", "PERSON"))
    assert texts(stage, art) == ["Ward County"]


def test_dateline_name_makes_the_headline_mention_a_place(stage: Any, article_of: Any) -> None:
    text = "Lawrenceburg hosts a fair in April. LAWRENCEBURG — The fair returns this spring."
    assert texts(stage, article_of(text)) == ["Lawrenceburg", "LAWRENCEBURG"]


def test_given_name_tagged_person_is_not_reclassified(stage: Any, article_of: Any) -> None:
    text = "Officers in Texas said Victoria and her brother were safe."
    art = article_of(text, ("Texas", "GPE"), ("Victoria", "PERSON"))
    assert texts(stage, art) == ["Texas"]


def test_one_word_org_far_from_the_article_countries_is_not_a_place(stage: Any, article_of: Any) -> None:
    text = "A dealer in Ohio sold Onitsha sedans to the county."
    art = article_of(text, ("Ohio", "GPE"), ("Onitsha", "ORG"))
    assert texts(stage, art) == ["Ohio"]


def test_name_after_a_role_word_is_a_person(stage: Any, article_of: Any) -> None:
    text = "The team from Ohio won again, said coach Marion after the match."
    art = article_of(text, ("Ohio", "GPE"), ("Marion", "GPE"))
    assert texts(stage, art) == ["Ohio"]


def test_surname_of_a_name_with_a_middle_initial_is_not_a_place(stage: Any, article_of: Any) -> None:
    text = "Police in Ohio said Darnell Q. Marion fled. Marion was later arrested."
    art = article_of(text, ("Ohio", "GPE"), ("Darnell Q. Marion", "ORG"), ("Marion", "GPE"))
    assert texts(stage, art) == ["Ohio"]


def test_division_after_a_comma_is_kept_even_if_tagged_person(stage: Any, article_of: Any) -> None:
    text = "Workers marched in Kano, Kaduna on Friday."
    art = article_of(text, ("Kano", "GPE"), ("Kaduna", "PERSON"))
    assert texts(stage, art) == ["Kano", "Kaduna"]


def test_unknown_name_ending_in_a_country_reads_as_that_country(stage: Any, article_of: Any) -> None:
    text = "The report was published by Building Nigeria on Monday."
    (out,) = stage.process([article_of(text, ("Building Nigeria", "GPE"))])
    (p,) = out.places
    assert p.span.text == "Nigeria" and p.country == "NG" and p.feature == "PCLI"


def test_untagged_town_after_a_locative_preposition_is_a_place(stage: Any, article_of: Any) -> None:
    text = "Flooding closed roads in Texas. Crews worked overnight in Tolar to clear them."
    assert texts(stage, article_of(text, ("Texas", "GPE"))) == ["Texas", "Tolar"]


def test_org_tagged_town_after_in_is_a_place(stage: Any, article_of: Any) -> None:
    text = "Deputies in Texas said a barn burned in Tolar on Sunday."
    assert texts(stage, article_of(text, ("Texas", "GPE"), ("Tolar", "ORG"))) == ["Texas", "Tolar"]


def test_capitalised_word_after_in_that_is_no_town_of_the_country_is_not_a_place(stage: Any, article_of: Any) -> None:
    text = "Officials in Texas said the fire started in Building Seven."
    assert texts(stage, article_of(text, ("Texas", "GPE"))) == ["Texas"]


def test_month_after_in_is_a_time_not_a_place(stage: Any, article_of: Any) -> None:
    text = "The fair in Texas opens in August and again in Tolar later."
    assert texts(stage, article_of(text, ("Texas", "GPE"))) == ["Texas", "Tolar"]


def test_adjective_of_place_before_a_word_of_culture_is_not_a_place(stage: Any, article_of: Any) -> None:
    from tidings.model import Article, Token

    text = "Nigerian troops ate Nigerian food."
    words = [("Nigerian", "amod", 1), ("troops", "nsubj", 2), ("ate", "ROOT", 2), ("Nigerian", "amod", 4), ("food", "dobj", 2)]
    tokens = []
    pos = 0
    for i, (w, dep, head) in enumerate(words):
        start = text.index(w, pos)
        tokens.append(Token(i, start, start + len(w), w, w.lower(), "ADJ", "JJ", dep, head))
        pos = start + len(w)
    base = article_of(text, ("Nigerian", "NORP"), ("Nigerian", "NORP"))
    art = Article(id="t", source="test", text=text, tokens=tuple(tokens), entities=base.entities)
    assert [p.span.start for p in stage.process([art])[0].places] == [0]


def test_untagged_name_inside_an_event_name_is_not_a_place(stage: Any, article_of: Any) -> None:
    text = "Runners from Texas went to Tolar. Later the Tolar Games began."
    art = article_of(text, ("Texas", "GPE"), ("Tolar", "GPE"), ("the Tolar Games", "EVENT"))
    assert texts(stage, art) == ["Texas", "Tolar"]


def test_given_name_known_only_as_an_alternate_name_is_a_person() -> None:
    from tidings.geo.gazetteer import Candidate
    from tidings.geo.recognize import _given_name_only

    town = Candidate(1, None, "Ristville", 61.0, 27.0, "FI", None, None, "PPL", 5_000)
    city = Candidate(2, None, "Victoria", 48.4, -123.4, "CA", None, None, "PPL", 90_000)
    table = {"Kristina": (town,), "Victoria": (city,), "Ristville": (town,)}

    def lookup(name: str) -> tuple[Candidate, ...]:
        return table.get(name, ())

    assert _given_name_only("Kristina", lookup)
    assert not _given_name_only("Victoria", lookup)  # a given name that is a city's own name
    assert not _given_name_only("Ristville", lookup)  # not a given name


def test_unknown_name_of_several_words_is_kept_only_if_it_ends_like_a_place(stage: Any, article_of: Any) -> None:
    text = "Police closed Quenby Avenue after the Heimlich Maneuver demonstration."
    art = article_of(text, ("Quenby Avenue", "FAC"), ("Heimlich Maneuver", "GPE"))
    (out,) = stage.process([art])
    assert [(p.span.text, p.lat) for p in out.places] == [("Quenby Avenue", None)]
    assert [w.code for w in out.warnings] == ["place-unresolved", "place-unknown-name"]
